using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Kennisplatform.Web.Events;

/// <summary>Codes for personal links (cancel a registration, confirm or end an alert): 256 random bits, stored only as a hash.</summary>
public static class SecretCodes
{
    public static (string Code, string Hash) New()
    {
        var code = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (code, Hash(code));
    }

    public static string Hash(string? code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code ?? "")));
}
