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
