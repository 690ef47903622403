using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Mvc.ModelBinding;
namespace Kennisplatform.Web.Site;

public static class PublicSite
{
    public static void AddPublicSite(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RouteOptions>(options =>
        {
            options.ConstraintMap["section"] = typeof(SectionRouteConstraint);
            options.LowercaseUrls = true;
        });
        builder.Services.AddRazorPages(options =>
            {
                options.Conventions.ProtectBackOffice();
                options.Conventions.Add(new AllowedMethods.PageConvention());
            })
            // No script reads data-val attributes (forms are checked on the server and work without JavaScript); they
            // only carried the framework's English messages into the markup.
            .AddViewOptions(options => options.HtmlHelperOptions.ClientValidationEnabled = false)
            // Required fields say so with [Required] and a Dutch message; a non-nullable string alone is not required
            // (otherwise an optional field would fail with an English message).
            .AddMvcOptions(options =>
            {
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.ModelMetadataDetailsProviders.Add(new EmptyStringsStayEmpty());
                options.ModelMetadataDetailsProviders.Add(new DutchValidationMessages());
                DutchBindingMessages.Apply(options.ModelBindingMessageProvider);
                // Query values through a provider that tells the output cache which keys a page reads.
                options.ValueProviderFactories.RemoveType<QueryStringValueProviderFactory>();
                options.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
                options.ValueProviderFactories.Add(new OpenData.QueryReads.ValueProviderFactory());
                options.Filters.Add<InvalidTickBoxes>();
            });
        builder.Services.AddScoped<SiteQueries>();
        builder.Services.AddSingleton<FooterPagesCache>();
        builder.Services.AddSingleton<PageLinks>();
        // Behind a proxy that speaks https (see Cluster/Proxies), the form cookie is marked secure like the sign-in cookie.
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddScoped<Places.PlaceQueries>();
        builder.Services.AddOptions<Places.PlaceOptions>().Bind(builder.Configuration.GetSection("Kennisplatform:Places"));
    }

    public static void UsePublicSite(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/fout");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseMiddleware<UnreadableBodies>();
        app.UseMiddleware<Hosting.NulCharacters>();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            await next();
        });
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Assets are linked with ?v=<hash> (asp-append-version): such a URL never changes content, so it may be kept a year.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.RequireOwnPassword();
        app.UseAuthorization();
        app.UseOutputCache();
    }

    public static void MapPublicSite(this WebApplication app) => app.MapRazorPages();
}
