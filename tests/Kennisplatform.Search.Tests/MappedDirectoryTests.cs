using Kennisplatform.Search.Indexing;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Kennisplatform.Search.Tests;

public sealed class MappedDirectoryTests : IDisposable
{
    private readonly string folder = System.IO.Directory.CreateTempSubdirectory("kp-mapped-").FullName;

    public void Dispose() => System.IO.Directory.Delete(folder, recursive: true);

    [Fact]
    public void Numbers_and_bytes_read_back_as_Lucene_wrote_them_also_through_clones_and_slices()
    {
        using var directory = new MappedDirectory(folder);
        using (var output = directory.CreateOutput("numbers", IOContext.DEFAULT))
        {
            output.WriteByte(7);
            output.WriteInt16(-12345);
            output.WriteInt32(int.MinValue + 3);
            output.WriteInt64(long.MaxValue - 5);
            foreach (var value in new[] { 0, 127, 128, 16_383, 16_384, int.MaxValue })
                output.WriteVInt32(value);
            output.WriteVInt64(long.MaxValue);
            output.WriteString("wijkschakelaar ideeën");
            output.WriteBytes([1, 2, 3, 4, 5], 5);
        }
        using var input = directory.OpenInput("numbers", IOContext.DEFAULT);
        var reference = new NIOFSDirectory(folder).OpenInput("numbers", IOContext.DEFAULT);
        Assert.Equal(reference.Length, input.Length);
        Assert.Equal(7, input.ReadByte());
        var clone = (IndexInput)input.Clone();
        Assert.Equal(-12345, input.ReadInt16());
        Assert.Equal(int.MinValue + 3, input.ReadInt32());
        Assert.Equal(long.MaxValue - 5, input.ReadInt64());
        foreach (var value in new[] { 0, 127, 128, 16_383, 16_384, int.MaxValue })
            Assert.Equal(value, input.ReadVInt32());
        Assert.Equal(long.MaxValue, input.ReadVInt64());
        Assert.Equal("wijkschakelaar ideeën", input.ReadString());
        var bytes = new byte[5];
        input.ReadBytes(bytes, 0, 5);
        Assert.Equal([1, 2, 3, 4, 5], bytes);
        Assert.Equal(input.Length, input.Position);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());

        // A clone keeps its own position.
        Assert.Equal(1, clone.Position);
        Assert.Equal(-12345, clone.ReadInt16());
        using var slicer = directory.CreateSlicer("numbers", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("tail", input.Length - 5, 5);
        slice.Seek(2);
        Assert.Equal(3, slice.ReadByte());
        Assert.Throws<EndOfStreamException>(() => slice.ReadBytes(new byte[3], 0, 3));
        Assert.Throws<EndOfStreamException>(() => slice.Seek(6));
        reference.Dispose();
    }

    [Fact]
    public void An_index_on_it_finds_every_document_after_deletes_merges_and_reopening()
    {
        using var directory = new MappedDirectory(folder);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new StandardAnalyzer(LuceneVersion.LUCENE_48)) { MaxBufferedDocs = 20 };
        using var writer = new IndexWriter(directory, config);
        for (var i = 0; i < 200; i++)
            writer.AddDocument(new Document
            {
                new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                new TextField("body", i % 2 == 0 ? $"even buurt {i}" : $"oneven wijk {i}", Field.Store.YES),
            });
        writer.Commit();
        using var before = DirectoryReader.Open(directory);
        writer.DeleteDocuments(new Term("id", "0"));
        writer.ForceMerge(1);
        writer.Commit();

        // The reader opened before the merge still reads the segments the merge replaced.
        Assert.Equal(100, new IndexSearcher(before).Search(new TermQuery(new Term("body", "buurt")), 1).TotalHits);
        using var after = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(after);
        Assert.Single(after.Leaves);
        Assert.Equal(99, searcher.Search(new TermQuery(new Term("body", "buurt")), 1).TotalHits);
        var hit = searcher.Search(new TermQuery(new Term("id", "151")), 1).ScoreDocs.Single();
        Assert.Equal("oneven wijk 151", searcher.Doc(hit.Doc).Get("body"));
    }
}
