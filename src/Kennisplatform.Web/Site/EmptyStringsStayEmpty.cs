using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Kennisplatform.Web.Site;

/// <summary>
/// An empty form field binds to "" rather than null. Our bound strings are non-nullable: with the framework's
/// default, an optional field left empty would arrive as null and fail later, far from the form.
/// </summary>
public sealed class EmptyStringsStayEmpty : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key.ModelType == typeof(string))
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
    }
}
