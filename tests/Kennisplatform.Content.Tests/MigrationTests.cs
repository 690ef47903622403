using Kennisplatform.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Content.Tests;

/// <summary>Every engine has checked-in migrations that cover the whole model; no server is needed to tell.</summary>
public class MigrationTests
{
    public static TheoryData<DatabaseEngine> Engines => new(Enum.GetValues<DatabaseEngine>());

    /// <summary>A target on <paramref name="engine"/> that is never connected to.</summary>
    public static DatabaseTarget Unconnected(DatabaseEngine engine) => engine == DatabaseEngine.Sqlite
        ? DatabaseTarget.Sqlite("never-opened.db")
        : new(DatabaseEngine.PostgreSql, "Host=localhost;Database=never-opened");

    [Theory]
    [MemberData(nameof(Engines))]
    public void Model_has_no_changes_missing_from_the_migrations(DatabaseEngine engine)
    {
        using var db = ContentDb.Open(Unconnected(engine));
        Assert.False(db.Database.HasPendingModelChanges(), "Run: tools/add-migration.sh content <Name> (adds the migration for every engine)");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Each_engine_has_its_own_migrations(DatabaseEngine engine)
    {
        using var db = ContentDb.Open(Unconnected(engine));
        var migrations = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(migrations);
        foreach (var other in Enum.GetValues<DatabaseEngine>().Where(e => e != engine))
        {
            using var otherDb = ContentDb.Open(Unconnected(other));
            Assert.Empty(migrations.Intersect(otherDb.Database.GetMigrations()));
        }
    }
}
