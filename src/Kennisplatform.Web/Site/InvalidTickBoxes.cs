using Microsoft.AspNetCore.Mvc.Filters;

namespace Kennisplatform.Web.Site;

/// <summary>
/// A tick box posted with a value that is not true or false ("misschien") keeps its Dutch error, but is shown again
/// unticked: the tick box helper reads the posted value back as a boolean and would otherwise fail on it.
/// </summary>
public sealed class InvalidTickBoxes : IPageFilter
{
    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var state = context.ModelState;
        foreach (var property in context.ActionDescriptor.BoundProperties)
        {
            if ((Nullable.GetUnderlyingType(property.ParameterType) ?? property.ParameterType) != typeof(bool))
                continue;
            var key = property.BindingInfo?.BinderModelName ?? property.Name;
            if (state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 && !bool.TryParse(entry.AttemptedValue?.Split(',')[0], out _))
                state.SetModelValue(key, rawValue: "false", attemptedValue: "false");
        }
    }

    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }
}
