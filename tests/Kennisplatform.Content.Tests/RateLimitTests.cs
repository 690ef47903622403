using Kennisplatform.Content.Limits;

namespace Kennisplatform.Content.Tests;

public sealed class RateLimitTests : IDisposable
{
    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    private async Task<bool> TakeAsync(string key)
    {
        await using var db = database.NewContext();
        return await new RateLimits(db, database.Clock).TryTakeAsync("test", key, limit: 2, TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task A_key_gets_its_limit_per_window_and_a_new_window_an_hour_after_its_first_attempt()
    {
        Assert.True(await TakeAsync("1.2.3.4"));
        database.Clock.Now = database.Clock.Now.AddMinutes(59);
        Assert.True(await TakeAsync("1.2.3.4"));
        Assert.False(await TakeAsync("1.2.3.4"));
        Assert.True(await TakeAsync("5.6.7.8"));

        database.Clock.Now = database.Clock.Now.AddMinutes(1);
        Assert.True(await TakeAsync("1.2.3.4"));
        Assert.True(await TakeAsync("1.2.3.4"));
        Assert.False(await TakeAsync("1.2.3.4"));
    }

    [Fact]
    public async Task Asking_whether_a_limit_is_used_up_counts_nothing()
    {
        async Task<bool> UsedUpAsync()
        {
            await using var db = database.NewContext();
            return await new RateLimits(db, database.Clock).IsUsedUpAsync("test", "4.4.4.4", limit: 2, TimeSpan.FromHours(1));
        }
        Assert.False(await UsedUpAsync());
        Assert.False(await UsedUpAsync());
        Assert.True(await TakeAsync("4.4.4.4"));
        Assert.False(await UsedUpAsync());
        Assert.True(await TakeAsync("4.4.4.4"));
        Assert.True(await UsedUpAsync());
        database.Clock.Now = database.Clock.Now.AddHours(1);
        Assert.False(await UsedUpAsync()); // the window ended
    }

    [Fact]
    public async Task Attempts_at_the_same_moment_never_exceed_the_limit()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => TakeAsync("9.9.9.9"))));
        Assert.Equal(2, results.Count(taken => taken));
    }

    [Fact]
    public async Task The_address_itself_is_never_stored()
    {
        await TakeAsync("10.0.0.1");
        await using var db = database.NewContext();
        Assert.DoesNotContain(db.RateLimits, w => w.Key.Contains("10.0.0.1"));
    }

    [Fact]
    public async Task Windows_that_ended_a_day_ago_are_forgotten_when_a_new_one_begins()
    {
        await TakeAsync("old");
        database.Clock.Now = database.Clock.Now.AddDays(2);
        await TakeAsync("new");
        await using var db = database.NewContext();
        Assert.Single(db.RateLimits);
    }
}
