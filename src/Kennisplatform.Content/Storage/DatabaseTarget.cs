using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Kennisplatform.Content.Storage;

public enum DatabaseEngine { Sqlite, PostgreSql }

/// <summary>
/// Which database the platform uses: SQLite in a file (the default, in the data folder) or a PostgreSQL server.
/// Both DbContexts (content and accounts) live in the same database, each with its own migrations per engine.
/// </summary>
public sealed record DatabaseTarget(DatabaseEngine Engine, string ConnectionString)
{
    public static DatabaseTarget Sqlite(string path) =>
        new(DatabaseEngine.Sqlite, new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString());

    /// <summary>
    /// Reads a connection string: "Data Source=FILE" (or "Filename=FILE") is SQLite, anything else is read as
    /// PostgreSQL ("Host=…;Port=…;Database=…;Username=…;Password=…"). Null and a Dutch message when it cannot be read.
    /// </summary>
    public static (DatabaseTarget? Target, string? Problem) Parse(string connectionString)
    {
        var text = connectionString.Trim();
        if (text.Length == 0)
            return (null, "De verbindingsgegevens zijn leeg.");
        try
        {
            var keys = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(part => part.Split('=', 2)[0].Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
            if (keys.Overlaps(["datasource", "filename"]))
            {
                var sqlite = new SqliteConnectionStringBuilder(text);
                return string.IsNullOrWhiteSpace(sqlite.DataSource)
                    ? (null, "Geef bij SQLite een bestand op: Data Source=/pad/naar/kennisplatform.db")
                    : (new(DatabaseEngine.Sqlite, sqlite.ToString()), null);
            }
            var postgres = new NpgsqlConnectionStringBuilder(text);
            if (string.IsNullOrWhiteSpace(postgres.Host) || string.IsNullOrWhiteSpace(postgres.Database))
                return (null, "Geef bij PostgreSQL ten minste Host en Database op, bijvoorbeeld Host=127.0.0.1;Port=5432;Database=kp;Username=kp;Password=…");
            return (new(DatabaseEngine.PostgreSql, postgres.ToString()), null);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, $"Deze verbindingsgegevens zijn niet te lezen: {e.Message}");
        }
    }

    /// <summary>Where the data is, for messages and logs: never the password.</summary>
    public string Describe() => Engine switch
    {
        DatabaseEngine.Sqlite => $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}",
        _ => new NpgsqlConnectionStringBuilder(ConnectionString) is var b ? $"PostgreSQL {b.Host}:{b.Port}/{b.Database}" : "",
    };

    /// <summary>The SQLite file, for the verbs that work on it as a file (backup, restore).</summary>
    public string SqliteFile => Engine == DatabaseEngine.Sqlite
        ? new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : throw new InvalidOperationException("Not a SQLite database.");

    /// <summary>
    /// Points <paramref name="options"/> at this database, with <paramref name="historyTable"/> for the migrations of a
    /// second context; on <paramref name="connection"/> when given, so two contexts can share one connection and transaction.
    /// </summary>
    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string? historyTable = null, System.Data.Common.DbConnection? connection = null)
    {
        void History<TBuilder, TExtension>(RelationalDbContextOptionsBuilder<TBuilder, TExtension> relational)
            where TBuilder : RelationalDbContextOptionsBuilder<TBuilder, TExtension>
            where TExtension : RelationalOptionsExtension, new()
        {
            if (historyTable is not null)
                relational.MigrationsHistoryTable(historyTable);
        }

        return (Engine, connection) switch
        {
            (DatabaseEngine.Sqlite, null) => options.UseSqlite(ConnectionString, History),
            (DatabaseEngine.Sqlite, _) => options.UseSqlite(connection, History),
            (_, null) => options.UseNpgsql(ConnectionString, History),
            _ => options.UseNpgsql(connection, History),
        };
    }

    /// <summary>A new, closed connection to this database, for contexts that must share one.</summary>
    public System.Data.Common.DbConnection NewConnection() => Engine == DatabaseEngine.Sqlite
        ? new SqliteConnection(ConnectionString)
        : new NpgsqlConnection(ConnectionString);
}
