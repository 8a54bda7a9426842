using System.Collections;
using System.Text;

namespace Capteur.Node.Shell
{
    /// <summary>
    /// One console line split into commands and words.
    /// <list type="bullet">
    /// <item>Commands are separated by <c>;</c>; empty commands (<c>;;</c>, a trailing <c>;</c>) are skipped.</item>
    /// <item>Words are separated by spaces or tabs. A word may hold quoted parts, joined to it as in a POSIX shell:
    /// <c>'...'</c> keeps every character as it is; <c>"..."</c> too, except that a backslash there must be followed
    /// by <c>"</c>, <c>\</c> or <c>;</c> and stands for that character. <c>""</c> is an empty word.</item>
    /// <item>Outside quotes every other character is literal, the backslash included (so a Windows path or a
    /// password typed bare keeps its backslashes).</item>
    /// </list>
    /// So a value may hold <c>;</c> and spaces, which Tasmota's Backlog cannot: <c>set wifi.password "a;b c"</c>.
    /// A line with an unterminated quote or a bad escape has an <see cref="Error"/>, and none of it is to run.
    /// </summary>
    internal sealed class CommandLine
    {
        private readonly ArrayList _commands = new ArrayList();
        private readonly ArrayList _words = new ArrayList();
        private readonly StringBuilder _word = new StringBuilder();
        private string[] _lastWords = new string[0];

        private CommandLine()
        {
        }

        /// <summary>Why the line cannot run (it names the fix), or null when it parsed.</summary>
        public string Error { get; private set; }

        /// <summary>Number of (non-empty) commands.</summary>
        public int Count
        {
            get { return _commands.Count; }
        }

        /// <summary>True when the text ends inside quotes (an unfinished line, as the line editor sees it).</summary>
        internal bool EndsInQuotes { get; private set; }

        /// <summary>True when the text ends inside a word (no blank or <c>;</c> after its last character).</summary>
        internal bool EndsInWord { get; private set; }

        /// <summary>The words of the command the text ends in, the unfinished word included; empty after a <c>;</c>.</summary>
        internal string[] LastWords
        {
            get { return _lastWords; }
        }

        /// <summary>The words of command <paramref name="index"/> (0-based), at least one.</summary>
        public string[] Words(int index)
        {
            return (string[])_commands[index];
        }

        /// <summary>Splits <paramref name="line"/>; never throws.</summary>
        public static CommandLine Parse(string line)
        {
            CommandLine parsed = new CommandLine();
            parsed.Scan(line);
            return parsed;
        }

        private void Scan(string line)
        {
            // ToCharArray rather than the indexer, and word text copied by runs rather than char by char: on
            // nanoFramework the indexer returns the wrong half of a surrogate pair and a lone half appended to a
            // StringBuilder becomes U+FFFD (see Text/JsonEscape.cs).
            char[] chars = line.ToCharArray();
            char quote = '\0';
            bool inWord = false;
            int runStart = -1;
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (quote == '\0')
                {
                    if (c == ' ' || c == '\t' || c == ';')
                    {
                        Flush(line, ref runStart, i);
                        EndWord(ref inWord);
                        if (c == ';')
                        {
                            EndCommand();
                        }
                    }
                    else if (c == '"' || c == '\'')
                    {
                        Flush(line, ref runStart, i);
                        quote = c;
                        inWord = true;
                    }
                    else
                    {
                        inWord = true;
                        runStart = runStart < 0 ? i : runStart;
                    }
                }
                else if (c == quote)
                {
                    Flush(line, ref runStart, i);
                    quote = '\0';
                }
                else if (c == '\\' && quote == '"')
                {
                    char next = i + 1 < chars.Length ? chars[i + 1] : '\0';
                    if (next == '"' || next == '\\' || next == ';')
                    {
                        Flush(line, ref runStart, i);
                        runStart = i + 1;
                        i++;
                    }
                    else
                    {
                        if (next != '\0' && Error == null)
                        {
                            // The character after the backslash is not repeated: it may be part of a password.
                            Error = "a backslash inside double quotes must be followed by \", \\ or ; (write \\\\ for a"
                                + " backslash, or use single quotes, where a backslash is literal); nothing was run";
                        }

                        runStart = runStart < 0 ? i : runStart;
                    }
                }
                else
                {
                    runStart = runStart < 0 ? i : runStart;
                }
            }

            EndsInQuotes = quote != '\0';
            EndsInWord = inWord;
            Flush(line, ref runStart, chars.Length);
            EndWord(ref inWord);
            _lastWords = ToArray(_words);
            EndCommand();
            if (quote != '\0')
            {
                string name = quote == '"' ? "double" : "single";
                Error = "unterminated " + name + " quote (close it with " + quote + "); nothing was run";
            }
        }

        private void Flush(string line, ref int runStart, int end)
        {
            if (runStart >= 0)
            {
                _word.Append(line, runStart, end - runStart);
                runStart = -1;
            }
        }

        private void EndWord(ref bool inWord)
        {
            if (inWord)
            {
                _words.Add(_word.ToString());
                _word.Clear();
                inWord = false;
            }
        }

        private void EndCommand()
        {
            if (_words.Count > 0)
            {
                _commands.Add(ToArray(_words));
                _words.Clear();
            }
        }

        private static string[] ToArray(ArrayList list)
        {
            string[] array = new string[list.Count];
            for (int i = 0; i < array.Length; i++)
            {
                array[i] = (string)list[i];
            }

            return array;
        }
    }
}
