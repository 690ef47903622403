using Kennisplatform.Content.Files;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Storage;
using Kennisplatform.Testing;

namespace Kennisplatform.Content.Tests;

/// <summary>
/// A fresh database, migrated like the real one, on the engine of this test run (<see cref="TestEngine"/>): a SQLite file
/// in a temporary folder or a new PostgreSQL database; deleted afterwards.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kp-db-").FullName;

    public TestDatabase()
    {
        Target = TestEngine.NewDatabase(folder, "test.db");
        using var db = NewContext();
        DatabaseSetup.RunExclusiveAsync(Target, () => DatabaseSetup.MigrateAsync(db)).GetAwaiter().GetResult();
    }

    public DatabaseTarget Target { get; }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public ContentDb NewContext() => ContentDb.Open(Target);

    public ContentStore Store(ContentDb db) => new(db, Clock);

    public ContentImporter Importer(ContentDb db) => new(db, Store(db), Clock);

    public void Dispose()
    {
        TestEngine.Drop(Target);
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}

public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}

public static class Repository
{
    /// <summary>The repository's content/ folder with the real seed content.</summary>
    public static string ContentFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kennisplatform.sln")))
                return Path.Combine(dir.FullName, "content");
        throw new InvalidOperationException("Kennisplatform.sln not found above the test folder.");
    }
}
