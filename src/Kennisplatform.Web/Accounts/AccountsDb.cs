using Kennisplatform.Content.Storage;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kennisplatform.Web.Accounts;

/// <summary>
/// ASP.NET Core Identity's users and roles, in the same database as the content (tables prefixed "Account"),
/// with their own migrations. Kept apart from ContentDb so the content project knows nothing of the web.
/// Abstract because each engine has its own subtype with its own migrations (Accounts/Migrations/Sqlite and
/// Accounts/Migrations/PostgreSql).
/// </summary>
public abstract class AccountsDb(DbContextOptions options) : IdentityDbContext<Editor>(options), IDataProtectionKeyContext
{
    public const string MigrationsTable = "__AccountsMigrationsHistory";

    /// <summary>ASP.NET Core's data-protection keys: in the database, so a cookie or form made on one node is read by every other.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SetupCode> SetupCodes => Set<SetupCode>();

    /// <summary>An unpooled context on <paramref name="target"/>, for commands and tests; the site uses the one from DI.</summary>
    public static AccountsDb Open(DatabaseTarget target, System.Data.Common.DbConnection? connection = null) => target.Engine switch
    {
        DatabaseEngine.Sqlite => new SqliteAccountsDb(Options<SqliteAccountsDb>(target, connection)),
        _ => new PostgreSqlAccountsDb(Options<PostgreSqlAccountsDb>(target, connection)),
    };

    /// <summary>Identity reads its schema version from the app's options; outside the app it gets the same setting.</summary>
    internal static DbContextOptions<T> Options<T>(DatabaseTarget target, System.Data.Common.DbConnection? connection = null) where T : AccountsDb
    {
        var services = new ServiceCollection();
        services.Configure<IdentityOptions>(options => options.Stores.SchemaVersion = AccountsSetup.SchemaVersion);
        var options = new DbContextOptionsBuilder<T>().UseApplicationServiceProvider(services.BuildServiceProvider());
        return (DbContextOptions<T>)target.Configure(options, MigrationsTable, connection).Options;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Editor>().ToTable("AccountUsers").Property(e => e.DisplayName).HasMaxLength(200);
        builder.Entity<IdentityRole>().ToTable("AccountRoles");
        builder.Entity<IdentityUserRole<string>>().ToTable("AccountUserRoles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("AccountUserClaims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("AccountUserLogins");
        builder.Entity<IdentityUserToken<string>>().ToTable("AccountUserTokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("AccountRoleClaims");
        builder.Entity<IdentityUserPasskey<string>>().ToTable("AccountUserPasskeys");
        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
        builder.Entity<SetupCode>().ToTable("AccountSetupCodes").HasKey(c => c.Hash);
        builder.Entity<SetupCode>().Property(c => c.Hash).HasMaxLength(32);
    }
}

public sealed class SqliteAccountsDb(DbContextOptions<SqliteAccountsDb> options) : AccountsDb(options);

public sealed class PostgreSqlAccountsDb(DbContextOptions<PostgreSqlAccountsDb> options) : AccountsDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        EngineConventions.PostgreSql(configurationBuilder);
    }
}

/// <summary>Lets dotnet-ef create SQLite migrations for the accounts without starting the web host.</summary>
internal sealed class SqliteAccountsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAccountsDb>
{
    public SqliteAccountsDb CreateDbContext(string[] args) =>
        new(AccountsDb.Options<SqliteAccountsDb>(DatabaseTarget.Sqlite("design-time.db")));
}

/// <summary>Lets dotnet-ef create PostgreSQL migrations for the accounts; it never connects, so no server is needed.</summary>
internal sealed class PostgreSqlAccountsDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlAccountsDb>
{
    public PostgreSqlAccountsDb CreateDbContext(string[] args) =>
        new(AccountsDb.Options<PostgreSqlAccountsDb>(new DatabaseTarget(DatabaseEngine.PostgreSql, "Host=localhost;Database=design-time")));
}
