using Kennisplatform.Search.Analysis;

namespace Kennisplatform.Search.Tests;

public static class Lexicon
{
    private static readonly Lazy<SearchLexicon> Loaded = new(() => SearchLexicon.Load(Folder()));

    public static SearchLexicon Shared => Loaded.Value;

    public static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kennisplatform.sln")))
                return Path.Combine(dir.FullName, "content", "search");
        throw new InvalidOperationException("Kennisplatform.sln not found above the test folder.");
    }
}
