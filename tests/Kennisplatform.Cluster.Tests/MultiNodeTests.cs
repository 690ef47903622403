using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kennisplatform.Testing.Cluster;
using static Kennisplatform.Testing.Cluster.SiteActions;

namespace Kennisplatform.Cluster.Tests;

/// <summary>
/// The deployment guide, run for real: PostgreSQL, three platform processes started together from the guide's
/// systemd unit, and nginx with the guide's configuration in front (round robin, https). One test, because starting
/// the cluster is the expensive part; its steps go from gentle to destructive.
/// </summary>
public class MultiNodeTests
{
    private const string AdminEmail = "beheer@example.org";
    private const string AdminPassword = "een lange zin als wachtwoord voor de beheerder";
    private static readonly TimeSpan VisibleWithin = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Three_nodes_behind_nginx_serve_one_site_and_survive_losing_one()
    {
        await using var cluster = await SiteCluster.StartAsync(nodes: 3);
        try
        {
            await Requests_go_round_robin_to_all_nodes(cluster);
            var editor = await An_editor_signs_in_and_edits_through_the_balancer(cluster);
            await A_publish_is_found_by_search_on_every_node_within_a_second(cluster, editor);
            await A_scheduled_item_becomes_visible_on_every_node(cluster, editor);
            await Killing_a_node_under_load_loses_no_saved_data(cluster, editor);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\n\n{cluster.Diagnostics()}", e);
        }
    }

    private static async Task Requests_go_round_robin_to_all_nodes(SiteCluster cluster)
    {
        using var visitor = cluster.Visitor();
        var names = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var status = await visitor.GetFromJsonAsync<JsonElement>("/status");
            names.Add(status.GetProperty("node").GetString()!);
            Assert.True(status.GetProperty("database").GetProperty("reachable").GetBoolean());
        }
        Assert.Equal(cluster.Nodes.Select(n => n.Name).Order(), names.Distinct().Order());
    }

    private static async Task<HttpClient> An_editor_signs_in_and_edits_through_the_balancer(SiteCluster cluster)
    {
        await cluster.RunVerbAsync(AdminPassword, "create-admin", "--email", AdminEmail, "--name", "Beheerder");
        var editor = cluster.Browser();
        using var signIn = await SignInAsync(editor, AdminEmail, AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        // https ends at nginx; the node believed X-Forwarded-Proto, so the cookie may only travel over https.
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kennisplatform.beheer=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        // Each request may land on another node: the form and its antiforgery token, the save, the page after it.
        var (created, path) = await SaveCaseAsync(editor, "Klusdag in de Rivierenbuurt", "opslaan");
        Assert.Equal(HttpStatusCode.Redirect, created);
        for (var version = 1; version <= 3; version++)
        {
            var page = await editor.GetStringAsync(path);
            Assert.Contains("Klusdag in de Rivierenbuurt", page);
            var (saved, _) = await SaveCaseAsync(editor, "Klusdag in de Rivierenbuurt", "opslaan", path, version, $"Versie {version + 1}: buren klussen samen.");
            Assert.Equal(HttpStatusCode.Redirect, saved);
        }
        Assert.Contains("Versie 4: buren klussen samen.", await editor.GetStringAsync(path));
        return editor;
    }

    /// <summary>
    /// Three publishes, each timed from the end of its request until every node's own search finds it. The median must
    /// be within a second; on a machine that other work shares, one publish may be slower, but none beyond three seconds.
    /// </summary>
    private static async Task A_publish_is_found_by_search_on_every_node_within_a_second(SiteCluster cluster, HttpClient editor)
    {
        // Each node answers a search first, so what is timed is the publish reaching the index, not a first search's start-up.
        foreach (var node in cluster.Nodes)
            Assert.False(await FindsAsync(node, "zwerfvuilrace"));
        var rounds = new List<TimeSpan>();
        foreach (var place in new[] { "Maas", "Waal", "IJssel" })
        {
            var word = $"zwerfvuilrace{place.ToLowerInvariant()}";
            var (published, _) = await SaveCaseAsync(editor, $"Zwerfvuilrace{place} langs de rivier", "publiceren");
            Assert.Equal(HttpStatusCode.Redirect, published);
            var watch = Stopwatch.StartNew();
            var times = await Task.WhenAll(cluster.Nodes.Select(node => UntilAsync(() => FindsAsync(node, word), watch, TimeSpan.FromSeconds(10))));
            rounds.Add(times.Max());
        }
        var report = string.Join(", ", rounds.Select(t => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms"));
        Assert.True(rounds.Order().ElementAt(1) <= VisibleWithin, $"Visible on all nodes after {report}: the median is over a second.");
        Assert.All(rounds, t => Assert.True(t <= 3 * VisibleWithin, $"Visible on all nodes after {report}."));
    }

    private static async Task A_scheduled_item_becomes_visible_on_every_node(SiteCluster cluster, HttpClient editor)
    {
        var moment = DateTimeOffset.UtcNow.AddSeconds(8);
        var amsterdam = TimeZoneInfo.ConvertTime(moment, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        var (scheduled, _) = await SaveCaseAsync(editor, "Burendag op het Xylofoonplein", "inplannen",
            extra: [("inplannen_op", amsterdam.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, scheduled);
        foreach (var node in cluster.Nodes)
        {
            var status = (await node.Client.GetAsync("/praktijkvoorbeelden/burendag-op-het-xylofoonplein")).StatusCode;
            var found = await FindsAsync(node, "xylofoonplein");
            // On a loaded machine the moment may pass during these checks: only an answer given before it counts.
            if (DateTimeOffset.UtcNow >= moment)
                break;
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.False(found, $"{node.Name} finds the scheduled item before its moment.");
        }

        await Task.Delay(moment - DateTimeOffset.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(cluster.Nodes.Select(node => UntilAsync(async () =>
        {
            return (await node.Client.GetAsync("/praktijkvoorbeelden/burendag-op-het-xylofoonplein")).StatusCode == HttpStatusCode.OK
                   && await FindsAsync(node, "xylofoonplein");
        }, watch, TimeSpan.FromSeconds(5))));
    }

    private static async Task Killing_a_node_under_load_loses_no_saved_data(SiteCluster cluster, HttpClient editor)
    {
        using var stop = new CancellationTokenSource();
        var readerFailures = new List<string>();
        var reads = 0;
        async Task ReadAsync(int reader)
        {
            using var visitor = cluster.Visitor();
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var path = n % 2 == 0 ? "/praktijkvoorbeelden/zwerfvuilracemaas-langs-de-rivier" : $"/zoeken?q=buurt{reader}x{n}";
                try
                {
                    using var response = await visitor.GetAsync(path);
                    if (response.StatusCode != HttpStatusCode.OK)
                        lock (readerFailures) readerFailures.Add($"{path}: {(int)response.StatusCode}");
                }
                catch (HttpRequestException e)
                {
                    lock (readerFailures) readerFailures.Add($"{path}: {e.Message}");
                }
                Interlocked.Increment(ref reads);
            }
        }

        var acknowledged = new List<string>();
        var refused = 0;
        async Task WriteAsync()
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var word = $"lastproef{n}q";
                try
                {
                    var (status, _) = await SaveCaseAsync(editor, $"Opschrijven {word}", "publiceren");
                    if (status == HttpStatusCode.Redirect)
                        acknowledged.Add(word);
                    else
                        refused++;
                }
                catch (HttpRequestException)
                {
                    refused++; // the balancer lost this request with the node: the editor was told it failed
                }
            }
        }

        var load = Enumerable.Range(0, 4).Select(ReadAsync).Append(WriteAsync()).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var victim = cluster.Nodes[1];
        var savedBeforeKill = acknowledged.Count;
        victim.Kill();
        await Task.Delay(TimeSpan.FromSeconds(4));
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.True(reads > 20, $"Only {reads} reads under load.");
        Assert.Empty(readerFailures);
        Assert.True(acknowledged.Count > savedBeforeKill, $"No save was acknowledged after the kill ({savedBeforeKill} before, {refused} refused).");
        var survivors = cluster.Nodes.Where(n => n != victim).ToList();
        foreach (var word in acknowledged)
            foreach (var node in survivors)
            {
                Assert.Equal(HttpStatusCode.OK, (await node.Client.GetAsync($"/praktijkvoorbeelden/opschrijven-{word}")).StatusCode);
                await UntilAsync(() => FindsAsync(node, word), Stopwatch.StartNew(), TimeSpan.FromSeconds(5));
            }
    }

    /// <summary>Polls <paramref name="done"/> until true; returns the time on <paramref name="watch"/> when it was.</summary>
    private static async Task<TimeSpan> UntilAsync(Func<Task<bool>> done, Stopwatch watch, TimeSpan limit)
    {
        while (!await done())
        {
            if (watch.Elapsed > limit)
                throw new TimeoutException($"Not true after {limit.TotalSeconds:0} s.");
            await Task.Delay(20);
        }
        return watch.Elapsed;
    }
}
