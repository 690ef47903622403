using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kennisplatform.Web.Hosting;

/// <summary>Why storage refused a write: the disk is full, or it may only be read.</summary>
public enum StorageProblem
{
    Full,
    ReadOnly,
}

/// <summary>
/// Recognises a failed write caused by the storage rather than by the request: a full disk or a read-only one, as
/// SQLite, PostgreSQL or the file system report it, wherever it sits in the chain of inner exceptions.
/// </summary>
public static class StorageFailure
{
    // SQLite result codes (primary code in the low byte): SQLITE_READONLY 8, SQLITE_IOERR 10, SQLITE_FULL 13.
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;

    /// <summary>Less free space than this on the data folder's disk counts as full.</summary>
    private const long AlmostNothing = 1024 * 1024;

    // Linux errno values as .NET reports them in IOException.HResult: ENOSPC 28, EROFS 30, EDQUOT 122.
    // Windows: ERROR_HANDLE_DISK_FULL 39, ERROR_DISK_FULL 112, ERROR_WRITE_PROTECT 19 (as HRESULTs 0x8007xxxx).
    private static readonly int[] FullErrors = [28, 122, unchecked((int)0x80070027), unchecked((int)0x80070070)];
    private static readonly int[] ReadOnlyErrors = [30, unchecked((int)0x80070013)];

    /// <summary>For the operator, at the command line: what happened, and that nothing was half-done.</summary>
    public static string Describe(StorageProblem problem) => problem == StorageProblem.Full
        ? "Kon niet opslaan: de schijf is vol. Er is niets half opgeslagen. Maak ruimte vrij (of geef de database meer ruimte) en probeer het opnieuw."
        : "Kon niet opslaan: op de schijf of de database kan alleen worden gelezen. Er is niets half opgeslagen. Maak hem schrijfbaar en probeer het opnieuw.";

    /// <summary>
    /// The storage problem behind <paramref name="exception"/>, or null when it is something else. SQLite reports some
    /// writes on a full disk only as a disk I/O error (creating its shared-memory file, for one); such an error counts
    /// as full when the disk of <paramref name="dataFolder"/> has (almost) no room left.
    /// </summary>
    public static StorageProblem? Classify(Exception? exception, string? dataFolder = null)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) == SqliteFull:
                    return StorageProblem.Full;
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) == SqliteReadOnly:
                    return StorageProblem.ReadOnly;
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) == SqliteIoError && IsAlmostFull(dataFolder):
                    return StorageProblem.Full;
                // PostgreSQL: 53100 disk_full; 25006 read_only_sql_transaction (a standby, or a database set read-only).
                case PostgresException { SqlState: PostgresErrorCodes.DiskFull }:
                    return StorageProblem.Full;
                case PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction }:
                    return StorageProblem.ReadOnly;
                case IOException io when FullErrors.Contains(io.HResult):
                    return StorageProblem.Full;
                case IOException io when ReadOnlyErrors.Contains(io.HResult):
                    return StorageProblem.ReadOnly;
            }
        }
        return null;
    }

    private static bool IsAlmostFull(string? folder)
    {
        if (string.IsNullOrEmpty(folder))
            return false;
        try
        {
            return new DriveInfo(Path.GetFullPath(folder)).AvailableFreeSpace < AlmostNothing;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }
}
