using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Network.Api.Infrastructure.Auth;

/// <summary>
/// The OpenID Connect server's signing and encryption certificates from one folder
/// (Network:KeysPath: <c>signing.pfx</c> and <c>encryption.pfx</c>, without a password), so that
/// every API instance given that folder has the same keys: an authorization code or refresh token
/// issued by one instance is redeemed at another, an access token signed by one is checked by
/// another. A missing certificate is created once, self-signed, by whichever instance starts first.
/// </summary>
public static class ServerKeys
{
    public const string SigningFile = "signing.pfx";
    public const string EncryptionFile = "encryption.pfx";

    public const string MissingInProduction =
        "In Production the OpenID Connect signing and encryption keys must come from configuration: set " +
        "Network:SigningCertificate:Path and Network:EncryptionCertificate:Path (PKCS#12 files; :Password if they have one), " +
        "or Network:KeysPath to a folder holding signing.pfx and encryption.pfx. Development certificates and ephemeral keys " +
        "are never used in Production.";

    /// <summary>
    /// The certificates configuration names: two files (Network:SigningCertificate, Network:EncryptionCertificate) or
    /// a shared folder (Network:KeysPath). Null when none is configured, which Production refuses with a clear message;
    /// in Production a folder's missing certificates are created only when Network:CreateKeys is true.
    /// </summary>
    public static (X509Certificate2 Signing, X509Certificate2 Encryption)? FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var production = environment.IsProduction();
        if (configuration["Network:SigningCertificate:Path"] is { Length: > 0 } signingPath)
        {
            var encryptionPath = configuration["Network:EncryptionCertificate:Path"] is { Length: > 0 } e
                ? e : throw new InvalidOperationException("Network:EncryptionCertificate:Path is not configured. " + MissingInProduction);
            return (Load(signingPath, configuration["Network:SigningCertificate:Password"]),
                Load(encryptionPath, configuration["Network:EncryptionCertificate:Password"]));
        }
        if (configuration["Network:KeysPath"] is { Length: > 0 } folder)
        {
            if (production && !configuration.GetValue<bool>("Network:CreateKeys")
                && !(File.Exists(Path.Combine(folder, SigningFile)) && File.Exists(Path.Combine(folder, EncryptionFile))))
                throw new InvalidOperationException(
                    $"Network:KeysPath ({folder}) holds no {SigningFile} and {EncryptionFile}; set Network:CreateKeys to true to create them once. " + MissingInProduction);
            return LoadOrCreate(folder);
        }
        if (production) throw new InvalidOperationException(MissingInProduction);
        return null;
    }

    private static X509Certificate2 Load(string path, string? password) =>
        File.Exists(path)
            ? X509CertificateLoader.LoadPkcs12FromFile(path, password)
            : throw new InvalidOperationException($"The certificate {path} does not exist. " + MissingInProduction);

    public static (X509Certificate2 Signing, X509Certificate2 Encryption) LoadOrCreate(string folder)
    {
        Directory.CreateDirectory(folder);
        return (LoadOrCreate(Path.Combine(folder, SigningFile), "Network signing", X509KeyUsageFlags.DigitalSignature),
            LoadOrCreate(Path.Combine(folder, EncryptionFile), "Network encryption", X509KeyUsageFlags.KeyEncipherment));
    }

    private static X509Certificate2 LoadOrCreate(string path, string name, X509KeyUsageFlags usage)
    {
        if (!File.Exists(path)) Create(path, name, usage);
        return X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
    }

    private static void Create(string path, string name, X509KeyUsageFlags usage)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));

        // Written aside and moved into place without overwriting: two instances starting at once
        // both end up with the certificate of whichever moved first.
        var written = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(written, options))
            file.Write(certificate.Export(X509ContentType.Pkcs12));
        try
        {
            File.Move(written, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(written);
        }
    }
}
