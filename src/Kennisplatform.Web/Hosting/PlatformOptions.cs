using Kennisplatform.Content.Storage;

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
    public const string DatabaseEnvironmentVariable = "KENNISPLATFORM_DATABASE";

    public string DataFolder { get; set; } = "";
    /// <summary>Imported into an empty database on first start.</summary>
    public string ContentFolder { get; set; } = "";
    /// <summary>Set to false to start with an empty site.</summary>
    public bool ImportContentWhenEmpty { get; set; } = true;
    /// <summary>The public address (https://kennisplatform.example) for feeds, sitemaps and canonical links; empty: the request's own.</summary>
    public string PublicUrl { get; set; } = "";
    /// <summary>The passkey relying party; empty: the host the browser uses. Set it when a proxy rewrites the Host header.</summary>
    public string PasskeyDomain { get; set; } = "";

    /// <summary>
    /// A PostgreSQL connection string (option Kennisplatform:Database or the environment variable KENNISPLATFORM_DATABASE);
    /// empty means SQLite in the data folder.
    /// </summary>
    public string Database { get; set; } = "";

    /// <summary>The database chosen by <see cref="Database"/>, for content and accounts alike.</summary>
    public DatabaseTarget DatabaseTarget => target ?? throw new InvalidOperationException(DatabaseProblem ?? "The database is not configured yet.");

    /// <summary>Why <see cref="Database"/> cannot be used, in Dutch; null when it can.</summary>
    public string? DatabaseProblem { get; private set; }

    private DatabaseTarget? target;

    internal void ChooseDatabase()
    {
        (target, DatabaseProblem) = string.IsNullOrWhiteSpace(Database)
            ? (DatabaseTarget.Sqlite(DatabasePath), null)
            : DatabaseTarget.Parse(Database);
        if (DatabaseProblem is not null)
            DatabaseProblem = $"De database-instelling ({DatabaseEnvironmentVariable} of Kennisplatform:Database) is niet bruikbaar. {DatabaseProblem}";
    }

    /// <summary>The SQLite file in the data folder, used when no other database is set.</summary>
    public string DatabasePath => Path.Combine(DataFolder, "kennisplatform.db");
    /// <summary>
    /// Uploaded files: <c>media</c> in the data folder, or <see cref="SharedMediaFolder"/> when set (several nodes).
    /// </summary>
    public string MediaFolder => string.IsNullOrWhiteSpace(SharedMediaFolder) ? Path.Combine(DataFolder, "media") : Path.GetFullPath(SharedMediaFolder);

    /// <summary>
    /// A folder every node mounts (Kennisplatform:SharedMediaFolder, e.g. an NFS share) for uploaded files, so a file
    /// uploaded through one node is served by all. Empty: the node's own data folder, right for a single node.
    /// </summary>
    public string SharedMediaFolder { get; set; } = "";

    /// <summary>Whether the media folder lies outside the data folder (a shared one), so it cannot be moved as a whole.</summary>
    public bool MediaIsShared => !string.IsNullOrWhiteSpace(SharedMediaFolder);
    public string IndexFolder => Path.Combine(DataFolder, "index");
    /// <summary>The editable word lists of search: compounds, synonyms, stem overrides, hyphenation.</summary>
    public string SearchLexiconFolder => Path.Combine(ContentFolder, "search");
}
