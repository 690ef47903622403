using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Revisions;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Content.Tests;

public class ContentStoreTests : IDisposable
{
    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    private async Task<int> CreateCaseAsync(string title = "Buurtkamer in De Linde")
    {
        await using var db = database.NewContext();
        var item = new Case { Title = title, Outcome = CaseOutcome.Succeeded, Summary = "Eerste versie" };
        var result = await database.Store(db).SaveAsync(item, "anna", expectedVersion: 0);
        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        return item.Id;
    }

    [Fact]
    public async Task Every_save_stores_a_revision_with_author_and_full_content()
    {
        var id = await CreateCaseAsync();
        await using (var db = database.NewContext())
        {
            var item = (Case)(await database.Store(db).LoadForEditAsync(id))!;
            Assert.Equal("buurtkamer-in-de-linde", item.Slug);
            item.Summary = "Tweede versie";
            database.Clock.Now = database.Clock.Now.AddMinutes(5);
            Assert.Equal(SaveOutcome.Saved, (await database.Store(db).SaveAsync(item, "bram", item.Version)).Outcome);
        }
        await using var check = database.NewContext();
        var revisions = await database.Store(check).RevisionsAsync(id);
        Assert.Equal([2, 1], revisions.Select(r => r.Number));
        Assert.Equal(["bram", "anna"], revisions.Select(r => r.Author));
        var snapshots = await database.Store(check).SnapshotsAsync(id, [1, 2]);
        Assert.Contains("summary: Tweede versie", snapshots[2]);
        Assert.Contains("summary: Eerste versie", snapshots[1]);
    }

    [Fact]
    public async Task Saving_without_changes_adds_no_revision()
    {
        var id = await CreateCaseAsync();
        await using var db = database.NewContext();
        var item = (await database.Store(db).LoadForEditAsync(id))!;
        Assert.Equal(SaveOutcome.Unchanged, (await database.Store(db).SaveAsync(item, "anna", item.Version)).Outcome);
        Assert.Single(await database.Store(db).RevisionsAsync(id));
    }

    [Fact]
    public async Task Stale_copy_gets_a_conflict_and_the_other_save_is_kept()
    {
        var id = await CreateCaseAsync();
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var mine = (await database.Store(first).LoadForEditAsync(id))!;
        var theirs = (await database.Store(second).LoadForEditAsync(id))!;

        theirs.Summary = "Versie van Bram";
        Assert.Equal(SaveOutcome.Saved, (await database.Store(second).SaveAsync(theirs, "bram", theirs.Version)).Outcome);

        mine.Summary = "Versie van Anna";
        var result = await database.Store(first).SaveAsync(mine, "anna", expectedVersion: 1);
        Assert.Equal(SaveOutcome.Conflict, result.Outcome);
        Assert.Contains("summary: Versie van Bram", result.CurrentSnapshot);
        Assert.Contains("Iemand anders", result.Errors.Single().Message);

        await using var check = database.NewContext();
        var stored = await check.Items.SingleAsync(i => i.Id == id);
        Assert.Equal("Versie van Bram", stored.Summary);
        Assert.Equal(2, stored.Version);
        Assert.Equal(2, (await database.Store(check).RevisionsAsync(id)).Count);
    }

    [Fact]
    public async Task Invalid_item_is_not_saved()
    {
        await using var db = database.NewContext();
        var result = await database.Store(db).SaveAsync(new Case { Title = "Te vroeg begonnen", StartYear = 1800 }, "anna", 0);
        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Errors, e => e.Field == "start_year");
        Assert.False(await db.Items.AnyAsync());
    }

    [Fact]
    public async Task Same_title_gets_a_unique_slug_within_its_type()
    {
        await CreateCaseAsync("Buurtkamer");
        await CreateCaseAsync("Buurtkamer");
        await using var db = database.NewContext();
        Assert.Equal(["buurtkamer", "buurtkamer-2"], await db.Items.OrderBy(i => i.Id).Select(i => i.Slug).ToListAsync());
    }

    [Fact]
    public async Task Renaming_a_slug_keeps_the_old_one_as_alias()
    {
        var id = await CreateCaseAsync();
        await using (var db = database.NewContext())
        {
            var item = (await database.Store(db).LoadForEditAsync(id))!;
            item.Slug = "buurtkamer-zwolle";
            await database.Store(db).SaveAsync(item, "anna", item.Version);
        }
        await using var check = database.NewContext();
        var alias = await check.Aliases.SingleAsync();
        Assert.Equal(("buurtkamer-in-de-linde", "praktijkvoorbeeld", id), (alias.Slug, alias.Type, alias.ItemId));
    }

    [Fact]
    public async Task Restoring_a_revision_brings_back_its_content_as_a_new_revision()
    {
        var id = await CreateCaseAsync();
        await using (var db = database.NewContext())
        {
            var item = (Case)(await database.Store(db).LoadForEditAsync(id))!;
            item.Summary = "Tweede versie";
            item.Outcome = CaseOutcome.Partly;
            item.WhatDidNotWork = "Te weinig vrijwilligers";
            await database.Store(db).SaveAsync(item, "bram", item.Version);
        }
        await using (var db = database.NewContext())
        {
            var first = (await database.Store(db).RevisionsAsync(id)).Single(r => r.Number == 1);
            var result = await database.Store(db).RestoreAsync(first.Id, "carla", expectedVersion: 2);
            Assert.Equal(SaveOutcome.Saved, result.Outcome);
        }
        await using var check = database.NewContext();
        var restored = (Case)await check.Items.SingleAsync(i => i.Id == id);
        Assert.Equal(("Eerste versie", CaseOutcome.Succeeded, "", 3), (restored.Summary, restored.Outcome, restored.WhatDidNotWork, restored.Version));
        var revisions = await database.Store(check).RevisionsAsync(id);
        Assert.Equal(3, revisions.Count);
        Assert.Equal("carla", revisions[0].Author);
    }

    [Fact]
    public async Task Restoring_with_a_stale_version_is_a_conflict()
    {
        var id = await CreateCaseAsync();
        await using var db = database.NewContext();
        var first = (await database.Store(db).RevisionsAsync(id)).Single();
        var result = await database.Store(db).RestoreAsync(first.Id, "carla", expectedVersion: 0);
        Assert.Equal(SaveOutcome.Conflict, result.Outcome);
    }
}

public class ContentChangeSignalTests
{
    [Fact]
    public async Task A_raise_after_the_noted_version_is_never_slept_through()
    {
        var signal = new Changes.ContentChangeSignal();
        var seen = signal.Version;
        signal.Raise(); // lands while the listener is busy
        var wait = signal.WaitAsync(seen, TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.True(wait.IsCompleted);
        await wait;
    }

    [Fact]
    public async Task A_waiting_listener_wakes_at_the_next_raise()
    {
        var signal = new Changes.ContentChangeSignal();
        var wait = signal.WaitAsync(signal.Version, TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.False(wait.IsCompleted);
        signal.Raise();
        await wait.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
