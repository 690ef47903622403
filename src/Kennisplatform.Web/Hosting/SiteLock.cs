namespace Kennisplatform.Web.Hosting;

/// <summary>
/// A lock file in the data folder, held by the running site for as long as it runs, so command-line verbs that must
/// not run beside it (restore, reindex) can tell, and a second site on the same data folder refuses to start.
/// On Linux .NET turns <see cref="FileShare.None"/> into an flock, which other processes see.
/// </summary>
public sealed class SiteLock : IDisposable
{
    private readonly FileStream file;

    private SiteLock(FileStream file) => this.file = file;

    public static string PathIn(PlatformOptions options) => Path.Combine(options.DataFolder, "site.lock");

    /// <summary>The lock, or null when another process holds it.</summary>
    public static SiteLock? TryTake(PlatformOptions options)
    {
        Directory.CreateDirectory(options.DataFolder);
        try
        {
            return new SiteLock(new FileStream(PathIn(options), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Whether a running site holds the lock of this data folder.</summary>
    public static bool IsHeld(PlatformOptions options)
    {
        using var probe = TryTake(options);
        return probe is null;
    }

    public void Dispose() => file.Dispose();
}
