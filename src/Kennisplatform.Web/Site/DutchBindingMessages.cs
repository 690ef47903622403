using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Kennisplatform.Web.Site;

/// <summary>
/// The messages model binding shows next to a field whose value does not fit its type ("abc" for a number, "misschien"
/// for a tick box), in Dutch: the framework's own are English.
/// </summary>
public static class DutchBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"'{value}' is geen geldige waarde voor {field}.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"'{value}' is geen geldige waarde.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"De waarde voor {field} is ongeldig.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Deze waarde is ongeldig.");
        messages.SetValueIsInvalidAccessor(value => $"'{value}' is ongeldig.");
        messages.SetValueMustBeANumberAccessor(field => $"{field} moet een getal zijn.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Dit moet een getal zijn.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Vul {field} in.");
        messages.SetMissingKeyOrValueAccessor(() => "Vul een waarde in.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Het formulier is leeg.");
        messages.SetValueMustNotBeNullAccessor(value => $"Vul een waarde in.");
    }
}
