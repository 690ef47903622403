namespace Kennisplatform.Web.Accounts;

/// <summary>What the sign-in pages say, the same whichever way (password, app code, passkey) someone signs in.</summary>
public static class SignInMessages
{
    /// <summary>Locked out after failures, or disabled by a beheerder (a lockout without end): one message for both.</summary>
    /// <param name="lockout">How long a lockout after failures lasts: IdentityOptions.Lockout.DefaultLockoutTimeSpan, which enforces it.</param>
    public static string LockedOut(TimeSpan lockout) =>
        $"Je account is geblokkeerd. Na te veel mislukte pogingen duurt dat {Duration(lockout)}. Heeft een beheerder je account uitgeschakeld, vraag dan hem of haar om hulp.";

    private static string Duration(TimeSpan span) =>
        span.TotalMinutes < 120 ? $"{span.TotalMinutes:0} minuten" : $"{span.TotalHours:0} uur";
}
