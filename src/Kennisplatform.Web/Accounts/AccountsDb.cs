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
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRole>().ToTable("AccountRoles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>().ToTable("AccountUserRoles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<string>>().ToTable("AccountUserClaims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<string>>().ToTable("AccountUserLogins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().ToTable("AccountUserTokens");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>>().ToTable("AccountRoleClaims");
    }
}

/// <summary>Lets dotnet-ef create migrations for the accounts without starting the web host.</summary>
internal sealed class AccountsDesignTimeFactory : IDesignTimeDbContextFactory<AccountsDb>
{
    public AccountsDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AccountsDb>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsHistoryTable(AccountsDb.MigrationsTable)).Options);
}
