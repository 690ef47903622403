using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kennisplatform.Web.Moving;

public sealed record TableCount(string Table, long Source, long Target);

/// <summary>
/// Copies every row of every table of a context into the same context on another database (SQLite or PostgreSQL,
/// either way), keeping ids, through EF Core so each engine's own conversions apply. Tables go in foreign-key order,
/// in batches; a table that refers to itself goes in one batch, so every reference finds its row.
/// </summary>
public static class DatabaseCopy
{
    private const int RowsPerBatch = 500;
    private const int RowsWithBytesPerBatch = 10;

    /// <summary>The tables of <paramref name="db"/> (one entity type each: owned types go with their owner), principals first.</summary>
    public static IReadOnlyList<IEntityType> Tables(DbContext db)
    {
        var roots = db.Model.GetEntityTypes().Where(t => t.BaseType is null && !t.IsOwned()).OrderBy(t => t.GetTableName(), StringComparer.Ordinal).ToList();
        var ordered = new List<IEntityType>();
        void Visit(IEntityType type, HashSet<IEntityType> path)
        {
            if (ordered.Contains(type) || !path.Add(type))
                return;
            foreach (var principal in References(type).Where(p => p != type))
                Visit(principal, path);
            ordered.Add(type);
        }
        foreach (var root in roots)
            Visit(root, []);
        return ordered;
    }

    private static IEnumerable<IEntityType> References(IEntityType table) =>
        table.GetDerivedTypesInclusive().SelectMany(t => t.GetDeclaredForeignKeys()).Select(k => k.PrincipalEntityType.GetRootType()).Distinct();

    public static string TableName(IEntityType type) => type.GetTableName() ?? type.Name;

    /// <summary>Rows per table, read inside whatever transaction the context uses.</summary>
    public static async Task<Dictionary<string, long>> CountAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<string, long>();
        foreach (var type in Tables(db))
            counts[TableName(type)] = await (Task<long>)Generic(nameof(CountTableAsync), type).Invoke(null, [db, type, cancellationToken])!;
        return counts;
    }

    /// <summary>
    /// Copies every table of <paramref name="source"/> into <paramref name="target"/> (the same model, empty tables),
    /// reporting "table: done/total" as it goes.
    /// </summary>
    public static async Task CopyAsync(DbContext source, DbContext target, IProgress<(string Table, long Done, long Total)>? progress, CancellationToken cancellationToken = default)
    {
        foreach (var type in Tables(source))
        {
            var total = await (Task<long>)Generic(nameof(CountTableAsync), type).Invoke(null, [source, type, cancellationToken])!;
            progress?.Report((TableName(type), 0, total));
            var batch = References(type).Contains(type) ? int.MaxValue
                : type.GetProperties().Any(p => p.ClrType == typeof(byte[])) ? RowsWithBytesPerBatch : RowsPerBatch;
            for (long done = 0; done < total;)
            {
                var copied = await (Task<int>)Generic(nameof(CopyBatchAsync), type).Invoke(null, [source, target, type, done, batch, cancellationToken])!;
                if (copied == 0)
                    break;
                done += copied;
                progress?.Report((TableName(type), done, total));
            }
        }
        if (target.Database.IsNpgsql())
            await ResetIdentitiesAsync(target, cancellationToken);
    }

    private static MethodInfo Generic(string name, IEntityType type) =>
        typeof(DatabaseCopy).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type.ClrType);

    private static IQueryable<T> Rows<T>(DbContext db, IEntityType type) where T : class =>
        (type.HasSharedClrType ? db.Set<T>(type.Name) : db.Set<T>()).AsNoTracking();

    private static Task<long> CountTableAsync<T>(DbContext db, IEntityType type, CancellationToken cancellationToken) where T : class =>
        Rows<T>(db, type).LongCountAsync(cancellationToken);

    private static async Task<int> CopyBatchAsync<T>(DbContext source, DbContext target, IEntityType type, long skip, int take, CancellationToken cancellationToken) where T : class
    {
        IQueryable<T> query = Rows<T>(source, type);
        var key = type.FindPrimaryKey()!.Properties;
        IOrderedQueryable<T> ordered = query.OrderBy(row => EF.Property<object>(row, key[0].Name));
        foreach (var part in key.Skip(1))
            ordered = ordered.ThenBy(row => EF.Property<object>(row, part.Name));
        var rows = await ordered.Skip((int)skip).Take(take).ToListAsync(cancellationToken);
        // Untracked rows carry no navigations but their owned parts, so Add inserts exactly these rows (and owned parts).
        if (type.HasSharedClrType)
            target.Set<T>(type.Name).AddRange(rows);
        else
            target.Set<T>().AddRange(rows);
        await target.SaveChangesAsync(cancellationToken);
        target.ChangeTracker.Clear();
        return rows.Count;
    }

    /// <summary>After rows came in with their ids, each identity column continues after the highest id.</summary>
    private static async Task ResetIdentitiesAsync(DbContext target, CancellationToken cancellationToken)
    {
        foreach (var type in Tables(target))
            foreach (var property in type.FindPrimaryKey()!.Properties.Where(p => p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(int)))
            {
                var table = TableName(type);
                var column = property.GetColumnName();
                // Names from the model, never from input.
                var sql = $"""SELECT setval(pg_get_serial_sequence('"{table}"', '{column}'), COALESCE((SELECT MAX("{column}") FROM "{table}"), 0) + 1, false)""";
                await target.Database.ExecuteSqlRawAsync(sql, cancellationToken);
            }
    }

    /// <summary>Empties every table of <paramref name="db"/>, dependants first.</summary>
    public static async Task EmptyAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        foreach (var type in Tables(db).Reverse())
        {
            var sql = $"""DELETE FROM "{TableName(type)}" """; // a name from the model, never from input
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
    }
}
