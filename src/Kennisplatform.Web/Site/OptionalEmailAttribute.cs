using System.ComponentModel.DataAnnotations;

namespace Kennisplatform.Web.Site;

/// <summary>
/// An e-mail address that may be left empty. [EmailAddress] refuses "", and our model binding keeps empty fields as
/// "" (not null), so an optional address needs this instead.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OptionalEmailAttribute() : ValidationAttribute("Dit is geen geldig e-mailadres.")
{
    private static readonly EmailAddressAttribute Email = new();

    public override bool IsValid(object? value) => value is not string text || text.Trim().Length == 0 || Email.IsValid(text.Trim());
}
