namespace Kennisplatform.Web.Accounts;

/// <summary>What the sign-in pages say, the same whichever way (password, app code, passkey) someone signs in.</summary>
public static class SignInMessages
{
    /// <summary>Locked out after failures, or disabled by a beheerder (a lockout without end): one message for both.</summary>
    public const string LockedOut =
        "Je account is geblokkeerd. Na te veel mislukte pogingen duurt dat 15 minuten. Heeft een beheerder je account uitgeschakeld, vraag dan hem of haar om hulp.";
}
