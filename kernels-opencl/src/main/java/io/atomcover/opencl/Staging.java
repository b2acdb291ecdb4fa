package io.atomcover.opencl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jocl.Pointer;

/**
 * A direct host buffer that rows are packed into before an upload, in the device's real type
 * (double or float). Non-blocking uploads read from it while the host packs the next one.
 */
final class Staging {
    private final ByteBuffer bytes;
    private final boolean single;

    Staging(long capacityBytes, boolean single) {
        if (capacityBytes > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException("staging buffer too large: " + capacityBytes + " bytes");
        this.bytes = ByteBuffer.allocateDirect((int) Math.max(8, capacityBytes)).order(ByteOrder.nativeOrder());
        this.single = single;
    }

    Pointer pointer() {
        return Pointer.to(bytes);
    }

    /**
     * Rows [first, first+count) of a row-major matrix, stored column-major (component k of row i at
     * k·count + i), so that neighbouring work-items read neighbouring addresses.
     */
    long putTransposed(double[] data, int dim, int first, int count) {
        bytes.clear();
        if (single) {
            var f = bytes.asFloatBuffer();
            for (int k = 0; k < dim; k++)
                for (int i = 0; i < count; i++) f.put((float) data[(first + i) * dim + k]);
        } else {
            var d = bytes.asDoubleBuffer();
            for (int k = 0; k < dim; k++)
                for (int i = 0; i < count; i++) d.put(data[(first + i) * dim + k]);
        }
        return (long) count * dim * (single ? 4 : 8);
    }

    /** Rows [first, first+count) of a row-major matrix, row-major. */
    long putRows(double[] data, int dim, int first, int count) {
        bytes.clear();
        int from = first * dim;
        int n = count * dim;
        if (single) {
            var f = bytes.asFloatBuffer();
            for (int t = 0; t < n; t++) f.put((float) data[from + t]);
        } else {
            bytes.asDoubleBuffer().put(data, from, n);
        }
        return (long) n * (single ? 4 : 8);
    }

    /** Plain values in the real type. */
    long putValues(double[] values, int first, int count) {
        bytes.clear();
        if (single) {
            var f = bytes.asFloatBuffer();
            for (int i = 0; i < count; i++) f.put((float) values[first + i]);
        } else {
            bytes.asDoubleBuffer().put(values, first, count);
        }
        return (long) count * (single ? 4 : 8);
    }

    /**
     * Squared norms of rows [first, first+count), each one FMA chain from component 0 as the CPU
     * backend forms them, so double-precision distances agree with the CPU's to the last bit.
     */
    static double[] norms(double[] data, int dim, int first, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            int o = (first + i) * dim;
            double s = 0;
            for (int k = 0; k < dim; k++) s = Math.fma(data[o + k], data[o + k], s);
            out[i] = s;
        }
        return out;
    }
}
