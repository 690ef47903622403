using System.Data.Common;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;

namespace Kennisplatform.Web.Moving;

/// <summary>
/// Both contexts of one site's database (content and accounts) on one shared connection, so they can share one
/// transaction: one consistent snapshot to read, or one all-or-nothing write.
/// </summary>
public sealed class SiteDatabase : IAsyncDisposable
{
    private SiteDatabase(DatabaseTarget target, DbConnection connection)
    {
        Target = target;
        Connection = connection;
        Content = ContentDb.Open(target, connection);
        Accounts = AccountsDb.Open(target, connection);
    }

    public DatabaseTarget Target { get; }
    public DbConnection Connection { get; }
    public ContentDb Content { get; }
    public AccountsDb Accounts { get; }

    /// <summary>Both contexts, each of which owns tables of the site.</summary>
    public IEnumerable<Microsoft.EntityFrameworkCore.DbContext> Contexts => [Content, Accounts];

    public static async Task<SiteDatabase> OpenAsync(DatabaseTarget target, CancellationToken cancellationToken = default)
    {
        var connection = target.NewConnection();
        await connection.OpenAsync(cancellationToken);
        return new SiteDatabase(target, connection);
    }

    /// <summary>Applies both contexts' migrations (one node at a time), creating the database when it does not exist.</summary>
    public static async Task MigrateAsync(DatabaseTarget target, CancellationToken cancellationToken = default) =>
        await DatabaseSetup.RunExclusiveAsync(target, async () =>
        {
            await using var content = ContentDb.Open(target);
            await DatabaseSetup.MigrateAsync(content, cancellationToken);
            await using var accounts = AccountsDb.Open(target);
            await DatabaseSetup.MigrateAsync(accounts, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Starts one transaction that both contexts use. A reading one sees one snapshot of the whole database without
    /// blocking the site's writers (PostgreSQL: repeatable read; SQLite in WAL mode: a deferred transaction).
    /// </summary>
    public async Task<DbTransaction> BeginAsync(bool reading, CancellationToken cancellationToken = default)
    {
        var transaction = (Connection, reading) switch
        {
            (Microsoft.Data.Sqlite.SqliteConnection sqlite, true) => sqlite.BeginTransaction(deferred: true),
            (Microsoft.Data.Sqlite.SqliteConnection, false) => await Connection.BeginTransactionAsync(cancellationToken),
            (_, true) => await Connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken),
            _ => await Connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken),
        };
        foreach (var context in Contexts)
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.UseTransactionAsync(context.Database, transaction, cancellationToken);
        return transaction;
    }

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync();
        await Accounts.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
