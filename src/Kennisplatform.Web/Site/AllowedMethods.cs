using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Kennisplatform.Web.Site;

/// <summary>
/// Which HTTP methods each endpoint answers, written into its routing metadata so the router itself answers any other
/// method with 405 and an <c>Allow</c> header, and HEAD wherever GET works. A Razor page otherwise runs for every
/// method, and a page shown by TRACE or PUT without its handler having run fails on its empty model.
/// </summary>
public static class AllowedMethods
{
    /// <summary>GET and HEAD for every page, plus the methods of its handlers (OnPost…), unless it answers any method.</summary>
    public sealed class PageConvention : IPageApplicationModelConvention
    {
        public void Apply(PageApplicationModel model)
        {
            if (model.HandlerType.IsDefined(typeof(AnyMethodAttribute), inherit: true))
                return;
            var methods = new SortedSet<string>(StringComparer.Ordinal) { "GET", "HEAD" };
            foreach (var handler in model.HandlerMethods)
                methods.Add(handler.HttpMethod.ToUpperInvariant());
            model.EndpointMetadata.Add(new HttpMethodMetadata(methods));
        }
    }

    /// <summary>For pages shown in place of another response (errors, status codes), whatever the method of the request.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class AnyMethodAttribute : Attribute;

    /// <summary>Adds HEAD to every endpoint in the group that answers GET; the server sends the headers without the body.</summary>
    public static TBuilder AnswerHeadLikeGet<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { } methods
                && methods.HttpMethods.Contains("GET") && !methods.HttpMethods.Contains("HEAD"))
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, "HEAD"], methods.AcceptCorsPreflight));
        });
        return builder;
    }
}
