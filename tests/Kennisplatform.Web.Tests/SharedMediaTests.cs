using System.Net;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>Two nodes with a shared media folder: a file uploaded through one is served by the other.</summary>
public class SharedMediaTests(SharedMediaTests.Factory nodeA) : IClassFixture<SharedMediaTests.Factory>
{
    public const string Setting = "Kennisplatform:SharedMediaFolder";

    public sealed class Factory : SiteFactory
    {
        public string MediaFolder { get; } = Directory.CreateTempSubdirectory("kp-shared-media-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(Setting, MediaFolder);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            try { Directory.Delete(MediaFolder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>A second node: its own data folder, the first node's database and shared media folder.</summary>
    private sealed class NodeB(Factory first) : WebApplicationFactory<Program>
    {
        public string DataFolder { get; } = Directory.CreateTempSubdirectory("kp-node-b-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("data", DataFolder);
            builder.UseSetting(PlatformOptions.DatabaseEnvironmentVariable, first.Database.ConnectionString);
            builder.UseSetting(Setting, first.MediaFolder);
            builder.UseEnvironment("Production");
            builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(TestPasswords.Configure));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task A_file_uploaded_through_one_node_is_served_by_another_from_the_shared_folder()
    {
        var (auteur, _) = await nodeA.SignedInAsync(Roles.Author);
        var (response, page) = await MediaTests.UploadAsync(auteur, MediaTests.Png, "gedeeld.png", "Een gedeeld plaatje");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var markdown = page.QuerySelectorAll("td code").Select(c => c.TextContent).First(t => t.Contains("gedeeld.png"));
        var url = markdown[(markdown.IndexOf('(') + 1)..^1];
        Assert.Single(Directory.GetFiles(nodeA.MediaFolder));
        Assert.False(Directory.Exists(Path.Combine(nodeA.DataFolder, "media")) && Directory.GetFiles(Path.Combine(nodeA.DataFolder, "media")).Length > 0);

        using var nodeB = new NodeB(nodeA);
        using var file = await nodeB.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(MediaTests.Png, await file.Content.ReadAsByteArrayAsync());
    }
}
