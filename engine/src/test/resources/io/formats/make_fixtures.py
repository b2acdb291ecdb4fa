#!/usr/bin/python3
"""Writes the format fixtures of FormatsTest and ASE's reading of them (ase-values.json).

Run with the Debian python (ASE 3.22.1):  /usr/bin/python3 make_fixtures.py
POSCAR/CONTCAR, the LAMMPS data files and every .extxyz twin are written by ASE. ASE has no
writer for LAMMPS dumps, OUTCAR or vasprun.xml: those are written here from the same ASE Atoms,
following the layout LAMMPS and VASP (5.4/6.x) print, and then read back with ASE. The values
in ase-values.json are what ASE reads from each file; the Java tests compare against them.
Coordinates are rounded to 6 decimals and cells are multiples of 1/8 so that the Cartesian
formats hold exactly the doubles of their extxyz twins.
"""
import bz2
import gzip
import json
import lzma

import numpy as np
from ase import Atoms
from ase.constraints import FixAtoms, FixScaled
from ase.io import read, write

rng = np.random.default_rng(20261203)


def diamond_si(a=5.375, jitter=0.05):
    frac = np.array([[0, 0, 0], [0, .5, .5], [.5, 0, .5], [.5, .5, 0],
                     [.25, .25, .25], [.25, .75, .75], [.75, .25, .75], [.75, .75, .25]])
    cell = np.diag([a, a, a])
    pos = frac @ cell + rng.normal(0, jitter, (8, 3))
    return Atoms('Si8', positions=np.round(pos, 6), cell=cell, pbc=True)


def sio2(cell):
    """Nine atoms (Si3O6) at random, well separated positions in a given (lower-triangular) cell."""
    cell = np.array(cell, float)
    frac = rng.uniform(0.05, 0.95, (9, 3))
    pos = np.round(frac @ cell, 6)
    return Atoms('Si3O6', positions=pos, cell=cell, pbc=True)


values = {}


def record(name, frames, **extra):
    """ASE's reading of a fixture, and its extxyz twin written by ASE."""
    out = []
    for at in frames:
        f = {'symbols': at.get_chemical_symbols(),
             'positions': at.positions.tolist(),
             'cell': at.cell.array.tolist(),
             'pbc': [bool(p) for p in at.pbc]}
        if at.calc is not None:
            res = at.calc.results
            if 'energy' in res and name.startswith(('OUTCAR', 'vasprun')):
                f['energy'] = float(res['energy'])
            if 'free_energy' in res:
                f['free_energy'] = float(res['free_energy'])
            if 'forces' in res and res['forces'] is not None:
                f['forces'] = np.asarray(res['forces']).tolist()
        out.append(f)
    values[name] = dict(frames=out, **extra)
    write(name + '.extxyz', frames, format='extxyz')


# ---------------------------------------------------------------- VASP POSCAR/CONTCAR (ASE writes)
si = diamond_si()
write('POSCAR-direct', si, format='vasp', direct=True, vasp5=True)
record('POSCAR-direct', [read('POSCAR-direct', format='vasp')])
write('POSCAR-cartesian.vasp', si, format='vasp', direct=False, vasp5=True)
record('POSCAR-cartesian.vasp', [read('POSCAR-cartesian.vasp', format='vasp')])

tri = sio2([[5.0, 0, 0], [-2.5, 4.375, 0], [0, 0, 5.5]])
tri.set_constraint([FixAtoms(indices=[0, 3]), FixScaled(tri.cell, 1, [True, False, True])])
write('CONTCAR-selective', tri, format='vasp', direct=True, vasp5=True)
record('CONTCAR-selective', [read('CONTCAR-selective', format='vasp')])

# A negative scale factor is the cell volume (ASE reads it, but does not write it).
lines = open('POSCAR-direct').read().splitlines(True)
vol = abs(np.linalg.det(np.array([[float(x) for x in l.split()] for l in lines[2:5]])))
lines[1] = '  -%.6f\n' % (vol * 1.331)   # a cell 1.1 times larger in each direction
open('POSCAR-volume', 'w').write(''.join(lines))
# ASE 3.22 multiplies the cell by the negative factor instead; the expected values follow VASP's rule.
expected = read('POSCAR-direct', format='vasp')
expected.set_cell(expected.cell * (abs(float(lines[1])) / vol) ** (1 / 3), scale_atoms=True)
record('POSCAR-volume', [expected], note='VASP rule, not ASE 3.22 (which mishandles a negative scale)')

# ---------------------------------------------------------------- LAMMPS data (ASE writes)
write('sio2-atomic.data', tri, format='lammps-data', atom_style='atomic', specorder=['Si', 'O'])
record('sio2-atomic.data', [read('sio2-atomic.data', format='lammps-data', style='atomic',
                                 Z_of_type={1: 14, 2: 8})], types={'1': 'Si', '2': 'O'})
write('sio2-full.data', tri, format='lammps-data', atom_style='full', specorder=['Si', 'O'])
# ASE writes no Masses section: add one (LAMMPS write_data puts it after the header)
text = open('sio2-full.data').read().replace('\n\nAtoms', '\n\nMasses\n\n1 28.0855\n2 15.9994\n\nAtoms', 1)
open('sio2-full.data', 'w').write(text)
record('sio2-full.data', [read('sio2-full.data', format='lammps-data', style='full',
                               Z_of_type={1: 14, 2: 8})])


# ---------------------------------------------------------------- LAMMPS dump (written here)
def bounds(at):
    """LAMMPS bounding box and tilts of a lower-triangular cell with its origin at 0."""
    c = at.cell.array
    xy, xz, yz = c[1, 0], c[2, 0], c[2, 1]
    lo = [min(0, xy, xz, xy + xz), min(0, yz), 0.0]
    hi = [c[0, 0] + max(0, xy, xz, xy + xz), c[1, 1] + max(0, yz), c[2, 2]]
    return lo, hi, (xy, xz, yz)


def dump_frame(at, step, columns, triclinic, types=('Si', 'O'), shuffle=True):
    n = len(at)
    lo, hi, tilt = bounds(at)
    s = ['ITEM: TIMESTEP', str(step), 'ITEM: NUMBER OF ATOMS', str(n)]
    if triclinic:
        s.append('ITEM: BOX BOUNDS xy xz yz pp pp pp')
        s += ['%.6f %.6f %.6f' % (lo[k], hi[k], tilt[k]) for k in range(3)]
    else:
        s.append('ITEM: BOX BOUNDS pp pp pp')
        s += ['%.6f %.6f' % (lo[k], hi[k]) for k in range(3)]
    s.append('ITEM: ATOMS ' + ' '.join(columns))
    order = rng.permutation(n) if shuffle else range(n)
    scaled = at.get_scaled_positions(wrap=False)
    forces = np.round(rng.normal(0, 0.5, (n, 3)), 6)
    for i in order:
        row = []
        for c in columns:
            if c == 'id': row.append(str(i + 1))
            elif c == 'type': row.append(str(types.index(at[i].symbol) + 1))
            elif c == 'element': row.append(at[i].symbol)
            elif c in ('x', 'y', 'z', 'xu', 'yu', 'zu'): row.append('%.6f' % at.positions[i, 'xyz'.index(c[0])])
            elif c in ('xs', 'ys', 'zs'): row.append('%.9f' % scaled[i, 'xyz'.index(c[0])])
            elif c in ('fx', 'fy', 'fz'): row.append('%.6f' % forces[i, 'xyz'.index(c[1])])
        s.append(' '.join(row))
    return '\n'.join(s) + '\n'


ortho = [sio2(np.diag([5.25, 6.0, 5.5])) for _ in range(3)]
with open('sio2-ortho.lammpstrj', 'w') as f:
    for k, at in enumerate(ortho):
        f.write(dump_frame(at, 100 * k, ['id', 'type', 'x', 'y', 'z', 'fx', 'fy', 'fz'], False))
record('sio2-ortho.lammpstrj', read('sio2-ortho.lammpstrj', format='lammps-dump-text', index=':',
                                    specorder=['Si', 'O']), types={'1': 'Si', '2': 'O'})

tric = [sio2([[5.0, 0, 0], [1.25, 4.5, 0], [-0.75, 0.5, 5.25]]), sio2([[5.0, 0, 0], [-1.5, 4.5, 0], [0.5, -0.25, 5.5]])]
with open('sio2-triclinic.dump', 'w') as f:
    f.write(dump_frame(tric[0], 0, ['id', 'element', 'x', 'y', 'z'], True))
    f.write(dump_frame(tric[1], 10, ['id', 'element', 'xu', 'yu', 'zu'], True))
record('sio2-triclinic.dump', read('sio2-triclinic.dump', format='lammps-dump-text', index=':'))

with open('sio2-scaled.lammpstrj', 'w') as f:
    f.write(dump_frame(tric[0], 0, ['id', 'type', 'xs', 'ys', 'zs'], True))
    f.write(dump_frame(ortho[0], 5, ['id', 'type', 'xs', 'ys', 'zs'], False))
scaled = read('sio2-scaled.lammpstrj', format='lammps-dump-text', index=':', specorder=['Si', 'O'])
# ASE 3.22 places scaled coordinates from the cell corner at 0, not from the box origin: record the origin
record('sio2-scaled.lammpstrj', scaled, types={'1': 'Si', '2': 'O'},
       celldisp=[at.get_celldisp().ravel().tolist() for at in scaled])

# ---------------------------------------------------------------- VASP vasprun.xml (written here)
steps = [diamond_si(), diamond_si(), diamond_si(a=5.5)]
energies = [(-43.21456789, -43.20811357, -43.21026504), (-43.28876544, -43.28230012, -43.28445630),
            (-43.01234567, -43.00600001, -43.00811523)]


def v(row, fmt='%16.8f'):
    return '    <v>' + ' '.join(fmt % x for x in row) + ' </v>\n'


def structure(at, name=None):
    s = '  <structure%s>\n   <crystal>\n    <varray name="basis" >\n' % (' name="%s" ' % name if name else '')
    s += ''.join(v(r) for r in at.cell.array)
    s += '    </varray>\n    <i name="volume">    %.8f </i>\n   </crystal>\n' % at.get_volume()
    s += '   <varray name="positions" >\n' + ''.join(v(r) for r in at.get_scaled_positions(wrap=False)) + '   </varray>\n  </structure>\n'
    return s


def energy_block(e_fr, e_wo, e_0, indent='   '):
    return (indent + '<energy>\n'
            + indent + ' <i name="e_fr_energy">  %16.8f </i>\n' % e_fr
            + indent + ' <i name="e_wo_entrp">  %16.8f </i>\n' % e_wo
            + indent + ' <i name="e_0_energy">  %16.8f </i>\n' % e_0
            + indent + '</energy>\n')


xml = ['<?xml version="1.0" encoding="ISO-8859-1"?>\n<modeling>\n <generator>\n  <i name="program" type="string">vasp </i>\n'
       '  <i name="version" type="string">5.4.4.18Apr17-6-g9f103f2a35 </i>\n </generator>\n'
       ' <incar>\n  <i type="string" name="SYSTEM">Si8</i>\n  <i name="IBRION" type="int">      2</i>\n </incar>\n'
       ' <kpoints>\n  <generation param="Gamma">\n   <v type="int" name="divisions">       1        1        1 </v>\n  </generation>\n'
       '  <varray name="kpointlist" >\n   <v>       0.00000000       0.00000000       0.00000000 </v>\n  </varray>\n'
       '  <varray name="weights" >\n   <v>       1.00000000 </v>\n  </varray>\n </kpoints>\n'
       ' <atominfo>\n  <atoms>       8 </atoms>\n  <types>       1 </types>\n  <array name="atoms" >\n'
       '   <dimension dim="1">ion</dimension>\n   <dimension dim="2">field</dimension>\n'
       '   <field type="string">element</field>\n   <field type="int">atomtype</field>\n   <set>\n']
xml += ['    <rc><c>Si</c><c>   1</c></rc>\n'] * 8
xml += ['   </set>\n  </array>\n  <array name="atomtypes" >\n   <dimension dim="1">type</dimension>\n'
        '   <field type="int">atomspertype</field>\n   <field type="string">element</field>\n'
        '   <field>mass</field>\n   <field>valence</field>\n   <field type="string">pseudopotential</field>\n'
        '   <set>\n    <rc><c>   8</c><c>Si</c><c>     28.08500000</c><c>      4.00000000</c>'
        '<c>  PAW_PBE Si 05Jan2001                  </c></rc>\n   </set>\n  </array>\n </atominfo>\n']
xml.append(structure(steps[0], 'initialpos'))
for at, (e_fr, e_wo, e_0) in zip(steps, energies):
    xml.append(' <calculation>\n')
    for k in range(2):   # two electronic steps; the last one's energies matter
        xml.append('  <scstep>\n   <time name="dav">    0.50    0.51</time>\n')
        xml.append(energy_block(e_fr + 0.1 * (1 - k), e_wo + 0.1 * (1 - k), e_0 + 0.1 * (1 - k)))
        xml.append('  </scstep>\n')
    xml.append(structure(at))
    forces = np.round(rng.normal(0, 0.3, (8, 3)), 8)
    xml.append('  <varray name="forces" >\n' + ''.join(v(r) for r in forces) + '  </varray>\n')
    xml.append('  <varray name="stress" >\n' + ''.join(v(r) for r in np.eye(3)) + '  </varray>\n')
    # VASP's step-level e_0_energy can be wrong (ASE corrects it from the last electronic step)
    xml.append(energy_block(e_fr, e_wo, e_0 + 0.5, indent='  '))
    xml.append(' </calculation>\n')
xml.append(structure(steps[-1], 'finalpos'))
xml.append('</modeling>\n')
open('vasprun.xml', 'w').write(''.join(xml))
record('vasprun.xml', read('vasprun.xml', format='vasp-xml', index=':'))

# ---------------------------------------------------------------- VASP OUTCAR (written here)
outcar = [' vasp.6.3.2 27Jun22 (build Jul 19 2022 13:30:48) complex\n',
          ' \n executed on             LinuxIFC date 2026.12.03  10:11:12\n running on    4 total cores\n\n',
          ' POTCAR:    PAW_PBE Si 05Jan2001\n POTCAR:    PAW_PBE O 08Apr2002\n',
          '   VRHFIN =Si: s p\n   TITEL  = PAW_PBE Si 05Jan2001\n',
          '   VRHFIN =O: s p\n   TITEL  = PAW_PBE O 08Apr2002\n',
          ' POTCAR:    PAW_PBE Si 05Jan2001\n POTCAR:    PAW_PBE O 08Apr2002\n\n',
          ' Dimension of arrays:\n   k-points           NKPTS =      1   k-points in BZ     NKDIM =      1   number of bands    NBANDS=     32\n',
          '   number of dos      NEDOS =    301   number of ions     NIONS =      9\n',
          '   ions per type =               3   6\n\n',
          '   ISPIN  =      1    spin polarized calculation?\n\n',
          ' k-points in reciprocal lattice and weights: Gamma only\n'
          '   0.00000000  0.00000000  0.00000000       1.000\n\n']
ostep = [sio2([[5.0, 0, 0], [-2.5, 4.375, 0], [0, 0, 5.5]]) for _ in range(2)]
for k, at in enumerate(ostep):
    outcar.append('\n--------------------------------------- Iteration      %d(   1)  ---------------------------------------\n\n' % (k + 1))
    outcar.append('  Free energy of the ion-electron system (eV)\n  ---------------------------------------------------\n'
                  '  free energy    TOTEN  =       -70.12345678 eV\n\n')
    outcar.append(' VOLUME and BASIS-vectors are now :\n -----------------------------------------------------------------------------\n'
                  '  energy-cutoff  :      520.00\n  volume of cell :      %.2f\n' % at.get_volume())
    outcar.append('      direct lattice vectors                 reciprocal lattice vectors\n')
    rec = at.cell.reciprocal()
    for r in range(3):
        outcar.append('   ' + ''.join('%13.9f' % x for x in at.cell.array[r]) + '   ' + ''.join('%13.9f' % x for x in rec[r]) + '\n')
    outcar.append('\n POSITION                                       TOTAL-FORCE (eV/Angst)\n'
                  ' -----------------------------------------------------------------------------------\n')
    forces = np.round(rng.normal(0, 0.4, (9, 3)), 6)
    for i in range(9):
        outcar.append('     %12.5f %12.5f %12.5f   %14.6f %14.6f %14.6f\n' % (tuple(np.round(at.positions[i], 5)) + tuple(forces[i])))
    outcar.append(' -----------------------------------------------------------------------------------\n'
                  '    total drift:                                0.000001     -0.000002      0.000000\n\n\n')
    e_free, e_wo, e_0 = -70.5 - k * 0.25, -70.49 - k * 0.25, -70.495 - k * 0.25
    outcar.append('--------------------------------------------------------------------------------------------------------\n\n\n'
                  '  FREE ENERGIE OF THE ION-ELECTRON SYSTEM (eV)\n  ---------------------------------------------------\n'
                  '  free  energy   TOTEN  = %18.8f eV\n\n' % e_free
                  + '  energy  without entropy=%18.8f  energy(sigma->0) =%18.8f\n\n\n' % (e_wo, e_0))
outcar.append(' General timing and accounting informations for this job:\n ========================================================\n')
open('OUTCAR', 'w').write(''.join(outcar))
record('OUTCAR', read('OUTCAR', format='vasp-out', index=':'))

# ---------------------------------------------------------------- compressed copies of one extxyz
raw = open('sio2-ortho.lammpstrj.extxyz', 'rb').read()
open('sio2-ortho.extxyz.gz', 'wb').write(gzip.compress(raw, mtime=0))
open('sio2-ortho.extxyz.xz', 'wb').write(lzma.compress(raw, format=lzma.FORMAT_XZ))
open('sio2-ortho.extxyz.bz2', 'wb').write(bz2.compress(raw))
# the same gzip data under a name that says nothing: the magic bytes tell
open('sio2-ortho-gzip.bin', 'wb').write(gzip.compress(raw, mtime=0))

with open('ase-values.json', 'w') as f:
    json.dump(values, f, indent=1)
