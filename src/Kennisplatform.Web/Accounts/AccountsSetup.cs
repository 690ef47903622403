using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.Accounts;

public static class AccountsSetup
{
    public const string LoginPath = "/beheer/inloggen";

    /// <summary>Identity's schema version 3 is the one with the passkeys table.</summary>
    public static readonly Version SchemaVersion = IdentitySchemaVersions.Version3;

    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        // Both engines' contexts are registered; the platform's database setting, read lazily, picks the one used.
        static DatabaseTarget Target(IServiceProvider services) => services.GetRequiredService<IOptions<PlatformOptions>>().Value.DatabaseTarget;
        builder.Services.AddDbContext<SqliteAccountsDb>((services, options) => Target(services).Configure(options, AccountsDb.MigrationsTable));
        builder.Services.AddDbContext<PostgreSqlAccountsDb>((services, options) => Target(services).Configure(options, AccountsDb.MigrationsTable));
        builder.Services.AddScoped<AccountsDb>(services => Target(services).Engine == DatabaseEngine.Sqlite
            ? services.GetRequiredService<SqliteAccountsDb>()
            : services.GetRequiredService<PostgreSqlAccountsDb>());

        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<EditorNames>();
        builder.Services.AddScoped<Editing.ReviewThread>();
        builder.Services.AddScoped<SetupLink>();
        // One key ring for every node, kept in the database; the application name, not the install folder, isolates it.
        builder.Services.AddDataProtection().SetApplicationName("Kennisplatform").PersistKeysToDbContext<AccountsDb>();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.AddIdentityCore<Editor>(options =>
            {
                // Length over complexity: a long phrase beats "Welkom01!".
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 5;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.Stores.SchemaVersion = SchemaVersion;
            })
            .AddRoles<IdentityRole>()
            .AddClaimsPrincipalFactory<EditorClaimsFactory>()
            .AddEntityFrameworkStores<AccountsDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider>(AccountLinks.InvitationProvider)
            .AddErrorDescriber<DutchIdentityErrors>();

        // An open session learns within this interval that its account was disabled, removed or given another role: every
        // check rebuilds the session's roles from the database and ends it when the security stamp has changed. In the
        // back office the stamp is also compared on every request (ValidateSessionAsync), so there it ends at once.
        builder.Services.AddOptions<SecurityStampValidatorOptions>()
            .Configure(options => options.ValidationInterval = TimeSpan.FromMinutes(1))
            .Bind(builder.Configuration.GetSection("Kennisplatform:Accounts:SessionCheck"));
        builder.Services.AddOptions<AccountMailOptions>().Bind(builder.Configuration.GetSection("Kennisplatform:Accounts"));
        builder.Services.AddOptions<DataProtectionTokenProviderOptions>().Configure<IOptions<AccountMailOptions>>((tokens, mail) => tokens.TokenLifespan = mail.Value.ResetLinkValidFor);
        builder.Services.AddOptions<InvitationTokenOptions>().Configure<IOptions<AccountMailOptions>>((tokens, mail) =>
        {
            tokens.Name = AccountLinks.InvitationProvider;
            tokens.TokenLifespan = mail.Value.InvitationValidFor;
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<ResetRequestLimiter>();
        builder.Services.AddScoped<AccountMails>();
        builder.Services.AddScoped<PasswordSignIn>();
        builder.Services.AddOptions<SignInLimitOptions>().Bind(builder.Configuration.GetSection("Kennisplatform:SignIn"));
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.LogoutPath = "/beheer/uitloggen";
            options.AccessDeniedPath = "/beheer/geen-toegang";
            options.Cookie.Name = "kennisplatform.beheer";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request is HTTPS, which every real deployment is; plain HTTP only on 127.0.0.1.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // Every full sign-in passes here, whatever the way in (password, app code, passkey, setup link), so the
            // "laatst ingelogd" column cannot be forgotten by a new sign-in page.
            options.Events.OnSignedIn = RecordSignInAsync;
            options.Events.OnValidatePrincipal = ValidateSessionAsync;
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.BackOffice, policy => policy.RequireRole(Roles.All))
            .AddPolicy(Roles.Publishing, policy => policy.RequireRole(Roles.Administrator, Roles.Editor))
            .AddPolicy(Roles.Administration, policy => policy.RequireRole(Roles.Administrator));
        builder.AddPasskeys();
    }

    /// <summary>
    /// A back-office request from an account that was removed, disabled or given another role since it signed in (each
    /// changes the account's security stamp) ends the session at once, not at the next periodic check: a removed editor
    /// cannot publish in the minute after. One lookup by key per back-office request; public pages keep the periodic check.
    /// </summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is { } principal && context.Request.Path.StartsWithSegments("/beheer", StringComparison.OrdinalIgnoreCase))
        {
            var services = context.HttpContext.RequestServices;
            var users = services.GetRequiredService<UserManager<Editor>>();
            var stamp = principal.FindFirst(users.Options.ClaimsIdentity.SecurityStampClaimType)?.Value;
            if (await users.GetUserAsync(principal) is not { } editor || stamp is null || await users.GetSecurityStampAsync(editor) != stamp)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private static async Task RecordSignInAsync(CookieSignedInContext context)
    {
        var services = context.HttpContext.RequestServices;
        var users = services.GetRequiredService<UserManager<Editor>>();
        if (context.Principal is null || await users.GetUserAsync(context.Principal) is not { } editor)
            return;
        editor.LastSignInAt = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await users.UpdateAsync(editor);
    }

    /// <summary>Where a sign-in lands: the page asked for when it lies inside /beheer, else the dashboard.</summary>
    public static string AfterSignIn(Microsoft.AspNetCore.Mvc.IUrlHelper url, string? returnUrl) =>
        url.IsLocalUrl(returnUrl) && returnUrl!.StartsWith("/beheer", StringComparison.Ordinal) ? returnUrl : "/beheer";

    /// <summary>Everything in /beheer needs a role unless a page says otherwise: a new page cannot be forgotten.</summary>
    public static void ProtectBackOffice(this Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection conventions)
    {
        conventions.AuthorizeFolder("/Beheer", Roles.BackOffice);
        conventions.AllowAnonymousToPage("/Beheer/Inloggen");
        conventions.AllowAnonymousToPage("/Beheer/InloggenCode");
        conventions.AllowAnonymousToPage("/Beheer/GeenToegang");
        conventions.AllowAnonymousToPage("/Beheer/Installeren");
        conventions.AllowAnonymousToPage("/Beheer/WachtwoordVergeten");
        conventions.AllowAnonymousToPage("/Beheer/WachtwoordHerstellen");
        conventions.AllowAnonymousToPage("/Beheer/Uitnodiging");
    }

    /// <summary>Migrates the accounts tables and makes sure the three roles exist. Never creates a user.</summary>
    public static async Task PrepareAccountsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await Content.Storage.DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<AccountsDb>(), cancellationToken);
        // Under the start-up lock, so of several nodes starting on an empty database one makes the first key, not each its own.
        scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Kennisplatform.Start").Protect([1]);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }
}
