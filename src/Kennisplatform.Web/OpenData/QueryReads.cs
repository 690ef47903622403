using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace Kennisplatform.Web.OpenData;

/// <summary>
/// Which query-string keys a request's endpoint read: by name (<c>Request.Query["q"]</c>, model binding of a property
/// named "pagina"), or all of them (code that walks the whole query string). The output cache uses it to vary each
/// endpoint by exactly the keys it reads, so <c>?x=1</c>, <c>?x=2</c>, … share one cached copy.
/// </summary>
public sealed class QueryReads
{
    private readonly ConcurrentDictionary<string, bool> names = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> prefixes = new(StringComparer.OrdinalIgnoreCase);

    public IQueryCollection Original { get; }

    /// <summary>Set when code walked the keys: it may depend on any of them.</summary>
    public bool All { get; private set; }

    private QueryReads(IQueryCollection original) => Original = original;

    public IEnumerable<string> Names => names.Keys;

    /// <summary>Starts recording for this request: from now on <c>Request.Query</c> notes what is read.</summary>
    public static QueryReads Start(HttpContext context)
    {
        var reads = new QueryReads(context.Request.Query);
        context.Features.Set(reads);
        context.Features.Set<IQueryFeature>(new RecordingFeature(new RecordingQuery(reads)));
        return reads;
    }

    public static QueryReads? Of(HttpContext context) => context.Features.Get<QueryReads>();

    public void Read(string key) => names.TryAdd(key, true);

    /// <summary>Model binding asked whether any key starts with <paramref name="prefix"/> (a bound object's properties).</summary>
    public void ReadPrefix(string prefix)
    {
        Read(prefix);
        if (prefix.Length > 0)
            prefixes.TryAdd(prefix, true);
        else
            All = true;
    }

    public void ReadAll() => All = true;

    /// <summary>Whether a key of this request was seen only through a prefix ("Input.Name" through "Input"): then names do not cover it.</summary>
    public bool ReadThroughPrefix() => Original.Keys.Any(key => prefixes.Keys.Any(prefix =>
        key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && key[prefix.Length] is '.' or '['));

    private sealed class RecordingFeature(IQueryCollection query) : IQueryFeature
    {
        public IQueryCollection Query { get => query; set => throw new NotSupportedException("The query string of a cached request is read-only."); }
    }

    private sealed class RecordingQuery(QueryReads reads) : IQueryCollection
    {
        private IQueryCollection Inner => reads.Original;

        public StringValues this[string key]
        {
            get
            {
                reads.Read(key);
                return Inner[key];
            }
        }

        public int Count
        {
            get
            {
                reads.ReadAll();
                return Inner.Count;
            }
        }

        public ICollection<string> Keys
        {
            get
            {
                reads.ReadAll();
                return Inner.Keys;
            }
        }

        public bool ContainsKey(string key)
        {
            reads.Read(key);
            return Inner.ContainsKey(key);
        }

        public bool TryGetValue(string key, out StringValues value)
        {
            reads.Read(key);
            return Inner.TryGetValue(key, out value);
        }

        public IEnumerator<KeyValuePair<string, StringValues>> GetEnumerator()
        {
            reads.ReadAll();
            return Inner.GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// Model binding's query values, recording the names it looks up rather than the key walk its prefix check does
    /// (which would otherwise count as reading every key).
    /// </summary>
    public sealed class ValueProviderFactory : IValueProviderFactory
    {
        public Task CreateValueProviderAsync(ValueProviderFactoryContext context)
        {
            var http = context.ActionContext.HttpContext;
            var reads = Of(http);
            var query = reads?.Original ?? http.Request.Query;
            if (query.Count > 0 || reads is not null)
            {
                var provider = new QueryStringValueProvider(BindingSource.Query, query, CultureInfo.InvariantCulture);
                context.ValueProviders.Add(reads is null ? provider : new Recording(provider, reads));
            }
            return Task.CompletedTask;
        }

        private sealed class Recording(QueryStringValueProvider inner, QueryReads reads) : IValueProvider, IBindingSourceValueProvider, IEnumerableValueProvider
        {
            public bool ContainsPrefix(string prefix)
            {
                reads.ReadPrefix(prefix);
                return inner.ContainsPrefix(prefix);
            }

            public ValueProviderResult GetValue(string key)
            {
                reads.Read(key);
                return inner.GetValue(key);
            }

            public IDictionary<string, string> GetKeysFromPrefix(string prefix)
            {
                reads.ReadPrefix(prefix);
                return inner.GetKeysFromPrefix(prefix);
            }

            public IValueProvider? Filter(BindingSource bindingSource) => inner.Filter(bindingSource) is null ? null : this;
        }
    }
}
