using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kennisplatform.Content.Storage;

/// <summary>
/// One context type per engine, so each engine has its own checked-in migrations (Storage/Migrations/Sqlite and
/// Storage/Migrations/PostgreSql); the model itself is ContentDb's. Code asks for ContentDb and never names these.
/// </summary>
public sealed class SqliteContentDb(DbContextOptions<SqliteContentDb> options) : ContentDb(options);

public sealed class PostgreSqlContentDb(DbContextOptions<PostgreSqlContentDb> options) : ContentDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        EngineConventions.PostgreSql(configurationBuilder);
    }
}

/// <summary>What one engine needs so the other behaves the same.</summary>
public static class EngineConventions
{
    /// <summary>
    /// Times are stored as SQLite stores them: the value as written (UTC, or Amsterdam time where a field says so),
    /// without a zone, read back unmarked, so both engines give back the same DateTime. Npgsql refuses a DateTime marked
    /// UTC in such a column, hence the converter that drops the mark.
    /// </summary>
    public static void PostgreSql(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone").HaveConversion<WithoutKind>();
        configurationBuilder.Properties<DateTime?>().HaveColumnType("timestamp without time zone").HaveConversion<WithoutKind>();
    }

    private sealed class WithoutKind() : ValueConverter<DateTime, DateTime>(
        value => DateTime.SpecifyKind(value, DateTimeKind.Unspecified), value => value);
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteContentDb>
{
    public SqliteContentDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteContentDb>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>dotnet-ef never connects when it adds a migration: the server named here need not exist.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlContentDb>
{
    public PostgreSqlContentDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlContentDb>().UseNpgsql("Host=localhost;Database=design-time").Options);
}
