using Kennisplatform.Content.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kennisplatform.Testing;

/// <summary>
/// The database engine of this test run. SQLite unless KENNISPLATFORM_TEST_POSTGRES holds a connection string to a
/// throwaway PostgreSQL server (tools/with-postgres.sh starts one); then every test database is a fresh database on
/// that server, created for one test class and dropped after it.
/// </summary>
public static class TestEngine
{
    public const string Variable = "KENNISPLATFORM_TEST_POSTGRES";

    /// <summary>
    /// The trait for tests whose outcome does not depend on this run's engine; .ci/run leaves them out of its PostgreSQL
    /// pass (--filter "Engine!=SqliteOnly&amp;Engine!=NoDatabase"), so they run once, on SQLite.
    /// </summary>
    public const string Trait = "Engine";

    /// <summary>Runs the app on SQLite in a data folder whatever the engine of the run (the executable as a process, say).</summary>
    public const string SqliteOnly = "SqliteOnly";

    /// <summary>Opens no database at all.</summary>
    public const string NoDatabase = "NoDatabase";

    public static string? PostgreSqlServer => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server : null;

    public static DatabaseEngine Engine => PostgreSqlServer is null ? DatabaseEngine.Sqlite : DatabaseEngine.PostgreSql;

    /// <summary>A new empty database for one test: a file in <paramref name="folder"/>, or a new database on the server.</summary>
    public static DatabaseTarget NewDatabase(string folder, string name = "kennisplatform.db") =>
        PostgreSqlServer is { } server ? NewPostgreSqlDatabase(server) : DatabaseTarget.Sqlite(Path.Combine(folder, name));

    public static DatabaseTarget NewPostgreSqlDatabase(string server)
    {
        var name = $"kp_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }
        return new(DatabaseEngine.PostgreSql, new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString());
    }

    /// <summary>Drops a PostgreSQL test database (closing what still uses it) or lets go of a SQLite file.</summary>
    public static void Drop(DatabaseTarget target)
    {
        if (target.Engine == DatabaseEngine.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            return;
        }
        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        var name = builder.Database!;
        using (var own = new NpgsqlConnection(target.ConnectionString))
            NpgsqlConnection.ClearPool(own);
        builder.Database = "postgres";
        using var connection = new NpgsqlConnection(builder.ToString());
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
