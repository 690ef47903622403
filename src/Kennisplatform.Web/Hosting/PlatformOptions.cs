namespace Kennisplatform.Web.Hosting;

/// <summary>
/// Where the platform keeps its data and finds its seed content.
/// <c>--data DIR</c> on the command line or the environment variable KENNISPLATFORM_DATA set the data folder.
/// </summary>
public sealed class PlatformOptions
{
    public const string DataKey = "data";
    public const string DataEnvironmentVariable = "KENNISPLATFORM_DATA";
    public const string ContentKey = "content";

    public string DataFolder { get; set; } = "";
    /// <summary>Imported into an empty database on first start.</summary>
    public string ContentFolder { get; set; } = "";
    /// <summary>Set to false to start with an empty site.</summary>
    public bool ImportContentWhenEmpty { get; set; } = true;

    public string DatabasePath => Path.Combine(DataFolder, "kennisplatform.db");
    public string MediaFolder => Path.Combine(DataFolder, "media");
    public string IndexFolder => Path.Combine(DataFolder, "index");
    /// <summary>The editable word lists of search: compounds, synonyms, stem overrides, hyphenation.</summary>
    public string SearchLexiconFolder => Path.Combine(ContentFolder, "search");
}
