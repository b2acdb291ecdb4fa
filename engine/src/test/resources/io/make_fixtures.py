"""Regenerates the NumPy fixtures used by NpyTest (run here with NumPy >= 1.17; committed files came from 2.4)."""
import numpy as np

a = np.arange(6, dtype='<f8').reshape(2, 3) * 0.5 - 1.0
a[0, 0] = -0.0
a[1, 2] = 1e-300
np.save('f8_2x3.npy', a)
np.save('f4_2x3.npy', np.array([[1.5, -2.25, 3.0], [4.0, 5.5, -6.125]], dtype='<f4'))
np.save('i4_be_3.npy', np.array([1, -2, 2147483647], dtype='>i4'))
np.save('i8_4.npy', np.array([1, -2, 3, 2**53], dtype='<i8'))
np.save('b1_3.npy', np.array([True, False, True]))
np.save('u1_2x2.npy', np.array([[0, 255], [7, 128]], dtype='u1'))
np.save('f8_be_fortran_2x3x2.npy', np.asfortranarray(np.arange(12, dtype='>f8').reshape(2, 3, 2)))
np.save('f8_scalar.npy', np.float64(2.5))
np.save('f8_empty_0x3.npy', np.zeros((0, 3)))
with open('f8_v2_3.npy', 'wb') as f:
    np.lib.format.write_array(f, np.array([1.0, 2.0, 3.0]), version=(2, 0))
obj = np.empty(2, dtype=object)
obj[0] = np.array([1, 6])
obj[1] = np.array([8])
np.savez('mixed.npz', desc=np.arange(6, dtype='<f8').reshape(3, 2), ncharges=obj,
         weights=np.array([0.25, 0.75], dtype='<f4'))
np.savez_compressed('compressed.npz', x=np.linspace(0, 1, 5))
