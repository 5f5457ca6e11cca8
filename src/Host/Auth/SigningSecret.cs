using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Host.Auth;

/// <summary>
/// The secret the Host signs tokens with: <see cref="AuthOptions.SigningKey"/>, or the random one in
/// <see cref="AuthOptions.SigningKeyFile"/>, generated on first start. Never anything read from the database, so a copy of the
/// database (password hashes included) is not enough to forge a token.
/// </summary>
internal static class SigningSecret
{
    private const int GeneratedBytes = 32;

    /// <summary>Answers the secret, or throws a <see cref="StartupException"/> saying why the Host would sign forgeable tokens.</summary>
    public static byte[] Load(AuthOptions options)
    {
        if (options.SigningKey is { Length: > 0 } configured)
            return configured.Length >= AuthOptions.MinimumSigningKeyLength
                ? Encoding.UTF8.GetBytes(configured)
                : throw new StartupException(
                    $"Auth:SigningKey is too short: remove it, or give it at least {AuthOptions.MinimumSigningKeyLength} random characters");

        var path = Path.GetFullPath(options.SigningKeyFile);
        if (!File.Exists(path)) Create(path);
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode)0b000_111_111) != 0)
            throw new StartupException(
                $"The token signing key {path} may be read by other users, who could then sign in as anyone: "
                + $"`chmod 600 {path}` (or delete it to have a new one made, which signs everyone out).");
        var secret = Convert.FromBase64String(File.ReadAllText(path).Trim());
        return secret.Length >= GeneratedBytes
            ? secret
            : throw new StartupException($"The token signing key {path} is shorter than {GeneratedBytes} bytes: delete it to have a new one made.");
    }

    /// <summary>Writes a new secret under a temporary name and links it in place, so two Hosts starting at once keep one.</summary>
    private static void Create(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var temporary = $"{path}.{Guid.NewGuid():N}.new";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
            writer.WriteLine(Convert.ToBase64String(RandomNumberGenerator.GetBytes(GeneratedBytes)));
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // another Host made it first: use theirs
        }
    }
}
