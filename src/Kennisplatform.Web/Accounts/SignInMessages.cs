namespace Kennisplatform.Web.Accounts;

/// <summary>What the sign-in pages say, the same whichever way (password, app code, passkey) someone signs in.</summary>
public static class SignInMessages
{
    /// <summary>Locked out after failures, or disabled by a beheerder (a lockout without end): one message for both.</summary>
    /// <param name="lockout">How long a lockout after failures lasts: IdentityOptions.Lockout.DefaultLockoutTimeSpan, which enforces it.</param>
    public static string LockedOut(TimeSpan lockout) =>
        $"Je account is geblokkeerd. Na te veel mislukte pogingen duurt dat {Duration(lockout)}. Heeft een beheerder je account uitgeschakeld, vraag dan hem of haar om hulp.";

    /// <summary>Too many wrong passwords from this network address or for this e-mail address: a pause, not a lockout.</summary>
    /// <param name="window">How long failures count: SignInLimitOptions.Window, which enforces it.</param>
    public static string Paused(TimeSpan window) =>
        $"Er is te vaak een verkeerd wachtwoord ingevuld. Wacht {Duration(window)} en probeer het dan opnieuw. Wachtwoord vergeten? Vraag dan een nieuw wachtwoord aan.";

    private static string Duration(TimeSpan span) =>
        span.TotalMinutes < 120 ? $"{span.TotalMinutes:0} minuten" : $"{span.TotalHours:0} uur";
}
