using System.Text.Json;
using System.Text.Json.Serialization;

namespace Network.Web.Api;

/// <summary>
/// How this app reads and writes the API's JSON: Web defaults, enums as names and never as
/// numbers (the API refuses numbers). A name this app does not know yet, from a newer API, does
/// not break a page: it reads as an undefined value, which the catalog words as "other".
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new TolerantEnumConverter(new JsonStringEnumConverter(allowIntegerValues: false)));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>
/// Wraps <see cref="JsonStringEnumConverter"/>: writes exactly as it does, and reads an unknown
/// name (or a number) as an undefined value instead of failing the whole response.
/// </summary>
public sealed class TolerantEnumConverter(JsonStringEnumConverter strict) : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(
            typeof(Tolerant<>).MakeGenericType(typeToConvert), strict.CreateConverter(typeToConvert, options))!;

    private sealed class Tolerant<T>(JsonConverter inner) : JsonConverter<T> where T : struct, Enum
    {
        private readonly JsonConverter<T> strict = (JsonConverter<T>)inner;

        /// <summary>Not a member of <typeparamref name="T"/>: flags read as none, others as -1.</summary>
        private static readonly T Unknown =
            (T)Enum.ToObject(typeof(T), typeof(T).IsDefined(typeof(FlagsAttribute), false) ? 0 : -1);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
                return Unknown;
            }
            try
            {
                return strict.Read(ref reader, typeToConvert, options);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                return Unknown;
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            strict.Write(writer, value, options);
    }
}
