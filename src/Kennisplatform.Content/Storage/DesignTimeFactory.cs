using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kennisplatform.Content.Storage;

/// <summary>Lets dotnet-ef create migrations without starting the web host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ContentDb>
{
    public ContentDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ContentDb>().UseSqlite("Data Source=design-time.db").Options);
}
