using System;
using Capteur.Node.Text;

namespace Capteur.Node.Mqtt
{
    /// <summary>
    /// Writes reading payloads into a caller's byte array and allocates nothing, so a warm node publishes without
    /// feeding the garbage collector. The bytes are the same on .NET and nanoFramework, on every culture:
    /// <c>plain</c> is the number alone (<c>21.52</c>); <c>json</c> is
    /// <c>{"value":21.52,"unit":"°C","seq":1234,"ts":"2026-11-22T10:00:00.000Z"}</c> in that field order, without
    /// spaces, UTF-8, the unit escaped as RFC 8259 section 7 asks. Size buffers with <see cref="MaxJsonLength"/>.
    /// </summary>
    public static class PayloadFormatter
    {
        /// <summary>Longest unit in UTF-8 bytes (<c>µg/m³</c> takes 7).</summary>
        public const int MaxUnitBytes = 32;

        /// <summary>Longest plain payload.</summary>
        public const int MaxPlainLength = NumberWriter.MaxFixedLength;

        /// <summary>
        /// Longest json payload: the 35 bytes of punctuation and names, the value, a unit of
        /// <see cref="MaxUnitBytes"/> bytes each escaped to at most 6, the sequence number and the timestamp.
        /// </summary>
        public const int MaxJsonLength = 35 + NumberWriter.MaxFixedLength + MaxUnitBytes * 6
            + NumberWriter.MaxIntegerLength + IsoTimeWriter.Length;

        /// <summary>Longest payload of either format.</summary>
        public const int MaxLength = MaxJsonLength;

        /// <summary>Config name of <see cref="PayloadFormat.Json"/>.</summary>
        public const string JsonName = "json";

        /// <summary>Config name of <see cref="PayloadFormat.Plain"/>.</summary>
        public const string PlainName = "plain";

        /// <summary>
        /// Writes <paramref name="value"/> with <paramref name="decimals"/> decimals (0..6) at <paramref name="offset"/>
        /// and returns the number of bytes written. Rounding: see <see cref="NumberWriter.WriteFixed"/>.
        /// </summary>
        /// <exception cref="ArgumentException">NaN, infinity, bad decimals, a value too large, or fewer than <see cref="MaxPlainLength"/> bytes from offset.</exception>
        public static int WritePlain(byte[] buffer, int offset, double value, int decimals)
        {
            CheckRoom(buffer, offset, MaxPlainLength, "MaxPlainLength");
            return NumberWriter.WriteFixed(buffer, offset, value, decimals);
        }

        /// <summary>
        /// Writes the json payload at <paramref name="offset"/> and returns the number of bytes written.
        /// <paramref name="unitUtf8"/> is the unit already encoded (°C is C2 B0 43); null or empty writes <c>""</c>.
        /// <paramref name="unixMs"/> is the reading's time in milliseconds since 1970-01-01T00:00:00Z.
        /// </summary>
        /// <exception cref="ArgumentException">
        /// NaN, infinity, bad decimals, a value too large, a unit over <see cref="MaxUnitBytes"/>, a time outside
        /// 1970..9999, or fewer than <see cref="MaxJsonLength"/> bytes from offset.
        /// </exception>
        public static int WriteJson(byte[] buffer, int offset, double value, int decimals, byte[] unitUtf8, long seq, long unixMs)
        {
            CheckRoom(buffer, offset, MaxJsonLength, "MaxJsonLength");
            if (unitUtf8 != null && unitUtf8.Length > MaxUnitBytes)
            {
                throw new ArgumentException("unit is " + UnitTooLong(unitUtf8.Length));
            }

            // Checked before writing, so that a refused time leaves the buffer as it was.
            IsoTimeWriter.CheckRange(unixMs);

            int pos = offset;
            pos = Ascii(buffer, pos, "{\"value\":");
            pos += NumberWriter.WriteFixed(buffer, pos, value, decimals);
            pos = Ascii(buffer, pos, ",\"unit\":\"");
            if (unitUtf8 != null)
            {
                pos = JsonEscape.Write(buffer, pos, unitUtf8);
            }

            pos = Ascii(buffer, pos, "\",\"seq\":");
            pos += NumberWriter.WriteInteger(buffer, pos, seq);
            pos = Ascii(buffer, pos, ",\"ts\":\"");
            pos += IsoTimeWriter.WriteUtc(buffer, pos, unixMs);
            buffer[pos++] = (byte)'"';
            buffer[pos++] = (byte)'}';
            return pos - offset;
        }

        /// <summary>Writes the payload in <paramref name="format"/>; <see cref="PayloadFormat.Plain"/> ignores unit, seq and time.</summary>
        public static int Write(PayloadFormat format, byte[] buffer, int offset, double value, int decimals, byte[] unitUtf8, long seq, long unixMs)
        {
            if (format == PayloadFormat.Plain)
            {
                return WritePlain(buffer, offset, value, decimals);
            }

            return WriteJson(buffer, offset, value, decimals, unitUtf8, seq, unixMs);
        }

        /// <summary>Null when <paramref name="unit"/> fits a payload (at most <see cref="MaxUnitBytes"/> UTF-8 bytes); else why not and how to fix it.</summary>
        public static string CheckUnit(string unit)
        {
            if (unit == null)
            {
                return null;
            }

            int bytes = Utf8Counter.ByteCount(unit);
            return bytes > MaxUnitBytes ? JsonEscape.Quote(unit) + " is " + UnitTooLong(bytes) : null;
        }

        /// <summary>The config name of <paramref name="format"/>: <c>json</c> or <c>plain</c>.</summary>
        public static string FormatName(PayloadFormat format)
        {
            return format == PayloadFormat.Plain ? PlainName : JsonName;
        }

        /// <summary>Reads a config name (<c>json</c> or <c>plain</c>, exact case); false for anything else.</summary>
        public static bool TryParseFormat(string name, out PayloadFormat format)
        {
            if (name == PlainName)
            {
                format = PayloadFormat.Plain;
                return true;
            }

            format = PayloadFormat.Json;
            return name == JsonName;
        }

        private static string UnitTooLong(int bytes)
        {
            return bytes + " UTF-8 bytes long: a unit holds at most " + MaxUnitBytes + "; shorten it";
        }

        private static void CheckRoom(byte[] buffer, int offset, int needed, string constantName)
        {
            if (offset < 0 || buffer.Length - offset < needed)
            {
                throw new ArgumentException("buffer: " + needed + " bytes (PayloadFormatter." + constantName + ") needed at offset "
                    + offset + " but the buffer holds " + buffer.Length + " bytes");
            }
        }

        private static int Ascii(byte[] buffer, int pos, string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                buffer[pos++] = (byte)text[i];
            }

            return pos;
        }
    }
}
