using System.Text;
using CsCheck;
using Tracing.Cli.Output;
using Tracing.Text;
using Tracing.Tests.Fuzzing;

namespace Tracing.Cli.Tests.Output;

/// <summary>
/// <see cref="ShellQuoting"/> on hostile bytes: nothing unsafe comes out raw, and bash reads every quoted word back
/// as the original bytes (a sample: one bash per batch of words).
/// </summary>
public class ShellQuotingProperties
{
    private const long CiIterations = 100_000;
    private const long BashCiBatches = 200;
    private const int WordsPerBatch = 20;

    [Fact]
    public void Quoted_words_hold_no_raw_control_format_or_invalid_character()
    {
        FuzzCheck.Run(HostileBytes.Word, word =>
        {
            var quoted = Quote(word);
            Assert.True(HostileBytes.FindRawUnsafe(quoted) is null, $"{HostileBytes.FindRawUnsafe(quoted)} in {quoted}");
        }, "0000001dfS_f", CiIterations, Convert.ToHexString);
    }

    [Fact]
    public void Bash_reads_quoted_words_back_as_the_original_bytes()
    {
        FuzzCheck.Run(HostileBytes.Word.Array[WordsPerBatch], words =>
        {
            var printed = BashPrintf.Run("'%s\\0'", string.Join(' ', words.Select(Quote)));

            var expected = words.SelectMany(w => (byte[])[.. w, 0]).ToArray();
            Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(printed));
        }, "0000001dfT1g", BashCiBatches, words => string.Join(" | ", words.Select(Convert.ToHexString)), largeRunScale: 1e-3);
    }

    private static string Quote(byte[] word)
    {
        var output = new StringBuilder();
        ShellQuoting.AppendQuoted(output, word);
        return output.ToString();
    }
}
