using System.Collections.Concurrent;

namespace Kennisplatform.Search.Querying;

/// <summary>
/// Answers kept for questions that searches ask again (a term's lookup in a segment, a word's forms), safe to share
/// between searches. It takes no new answers beyond <paramref name="limit"/>, so endless new questions cannot fill
/// memory: past that, the caller works the answer out each time.
/// </summary>
public sealed class Kept<TKey, TValue>(int limit, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> answers = new(comparer);
    // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary.
    private int count;

    public bool TryGet(TKey key, out TValue value) => answers.TryGetValue(key, out value!);

    public void Keep(TKey key, TValue value)
    {
        if (Volatile.Read(ref count) < limit && answers.TryAdd(key, value))
            Interlocked.Increment(ref count);
    }

    /// <summary>The kept answer for <paramref name="key"/>, or <paramref name="work"/>'s, kept while there is room.</summary>
    public TValue GetOrKeep<TState>(TKey key, TState state, Func<TKey, TState, TValue> work)
    {
        if (TryGet(key, out var value))
            return value;
        value = work(key, state);
        Keep(key, value);
        return value;
    }
}
