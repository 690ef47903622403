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

    /// <summary>The lock, or null with a Dutch <paramref name="problem"/>: another site holds it, or the data folder cannot be written.</summary>
    public static SiteLock? TryTake(PlatformOptions options, out string problem)
    {
        problem = "";
        try
        {
            Directory.CreateDirectory(options.DataFolder);
            return new SiteLock(new FileStream(PathIn(options), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = Describe(options.DataFolder, e);
            return null;
        }
    }

    /// <summary>Tells a lock held by a running site apart from a folder that is missing, read-only or not a folder.</summary>
    private static string Describe(string folder, Exception e)
    {
        if (File.Exists(folder))
            return $"De datamap {folder} is een bestand, geen map. Kies een map met --data MAP.";
        if (!Directory.Exists(folder))
            return $"De datamap {folder} bestaat niet en kan niet worden gemaakt ({e.Message}). Maak de map aan of kies een andere met --data MAP.";
        if (e is UnauthorizedAccessException || !CanWrite(folder))
            return $"In de datamap {folder} kan niet worden geschreven (alleen-lezen of geen rechten). Geef schrijfrechten of kies een andere map met --data MAP.";
        return "Er draait al een website met deze datamap. Stop die eerst, of start met een andere datamap (--data MAP).";
    }

    private static bool CanWrite(string folder)
    {
        var probe = Path.Combine(folder, $".schrijftest-{Environment.ProcessId}");
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Whether a running site holds the lock of this data folder.</summary>
    public static bool IsHeld(PlatformOptions options)
    {
        using var probe = TryTake(options, out _);
        return probe is null;
    }

    public void Dispose() => file.Dispose();
}
