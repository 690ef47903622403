namespace Kennisplatform.Web.Hosting;

/// <summary>
/// Finds the repository's folders. In a clone, the folder holding Kennisplatform.sln is found by walking up
/// from the working directory or from the app itself; a published app carries wwwroot and content beside it.
/// </summary>
public static class SiteFolders
{
    public const string SolutionFile = "Kennisplatform.sln";

    public static string? RepositoryRoot() =>
        FindUp(Directory.GetCurrentDirectory()) ?? FindUp(AppContext.BaseDirectory);

    public static string WebRoot() => Path.Combine(RepositoryRoot() ?? AppContext.BaseDirectory, "wwwroot");

    public static string DefaultContent() => Path.Combine(RepositoryRoot() ?? AppContext.BaseDirectory, "content");

    public static string DefaultData() => Path.Combine(RepositoryRoot() ?? AppContext.BaseDirectory, "data");

    private static string? FindUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                return dir.FullName;
        return null;
    }
}
