using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Kennisplatform.Web.Site;

/// <summary>
/// A validation attribute without its own message speaks English ("The field Municipality must be a string with a
/// maximum length of 100."), on the server and in the data-val attributes of the markup. This gives every such
/// attribute a Dutch message that names no property, so a forgotten ErrorMessage never shows English to anyone.
/// </summary>
public sealed class DutchValidationMessages : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            // Our own attributes write their own Dutch messages; only the framework's come in English.
            if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceName is not null
                || attribute.GetType().Assembly != typeof(RequiredAttribute).Assembly)
                continue;
            attribute.ErrorMessage = attribute switch
            {
                StringLengthAttribute { MinimumLength: > 0 } => "Gebruik {2} tot {1} tekens.",
                StringLengthAttribute or MaxLengthAttribute => "Gebruik hoogstens {1} tekens.",
                RequiredAttribute => "Vul dit veld in.",
                EmailAddressAttribute => "Dit is geen geldig e-mailadres.",
                RangeAttribute => "Kies een waarde van {1} tot en met {2}.",
                _ => "Deze waarde klopt niet.",
            };
        }
    }
}
