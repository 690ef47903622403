using Microsoft.AspNetCore.Identity;

namespace Kennisplatform.Web.Accounts;

/// <summary>
/// create-admin: the only way the first administrator comes to exist; there is no default account or password.
/// The password comes from standard input when it is redirected, or is generated and shown once.
/// </summary>
public static class AdminCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string? email, string? name, TextReader input, bool inputRedirected, TextWriter output, TextWriter errors)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            errors.WriteLine("Geef een e-mailadres: create-admin --email naam@example.org");
            return 2;
        }
        var generated = !inputRedirected;
        var password = generated ? Passwords.Generate() : (await input.ReadLineAsync())?.Trim() ?? "";

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
        var editor = new Editor { UserName = email.Trim(), Email = email.Trim(), DisplayName = string.IsNullOrWhiteSpace(name) ? email.Trim() : name.Trim(), EmailConfirmed = true, MustChangePassword = generated, CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(editor, password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
                errors.WriteLine(error.Description);
            errors.WriteLine("Er is geen account gemaakt.");
            return 1;
        }
        await users.AddToRoleAsync(editor, Roles.Administrator);
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync("create-admin", "beheerder gemaakt", editor.Email!);
        output.WriteLine($"Beheerder {editor.Email} is aangemaakt.");
        if (generated)
        {
            output.WriteLine("Na het eerste inloggen kies je een eigen wachtwoord.");
            output.WriteLine($"Wachtwoord (wordt niet nog eens getoond, bewaar het veilig): {password}");
        }
        return 0;
    }
}

public static class Passwords
{
    /// <summary>24 characters from a 56-character alphabet without look-alikes (l, o, I, O, 0, 1): about 139 bits.</summary>
    public static string Generate(int length = 24)
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(length, alphabet, (span, letters) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = letters[System.Security.Cryptography.RandomNumberGenerator.GetInt32(letters.Length)];
        });
    }
}
