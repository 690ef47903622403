using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kennisplatform.Web.Accounts;

/// <summary>
/// ASP.NET Core Identity's users and roles, in the same SQLite file as the content (tables prefixed "Account"),
/// with their own migrations. Kept apart from ContentDb so the content project knows nothing of the web.
/// </summary>
public class AccountsDb(DbContextOptions<AccountsDb> options) : IdentityDbContext<Editor>(options)
{
    public const string MigrationsTable = "__AccountsMigrationsHistory";

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
    }
}

/// <summary>Lets dotnet-ef create migrations for the accounts without starting the web host.</summary>
internal sealed class AccountsDesignTimeFactory : IDesignTimeDbContextFactory<AccountsDb>
{
    public AccountsDb CreateDbContext(string[] args)
    {
        // Identity reads its schema version from the app's options; design time gets the same setting as the app.
        var services = new ServiceCollection();
        services.Configure<IdentityOptions>(options => options.Stores.SchemaVersion = AccountsSetup.SchemaVersion);
        return new(new DbContextOptionsBuilder<AccountsDb>()
            .UseApplicationServiceProvider(services.BuildServiceProvider())
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsHistoryTable(AccountsDb.MigrationsTable)).Options);
    }
}
