import { randomBytes } from 'node:crypto';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sniffContent } from './sniff-content';

const sniff = (bytes: Uint8Array, name: string) => sniffContent(bytes, name, true);
const zipOf = async (entries: Record<string, string>) => {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(entries)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer' });
};
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Buffer.alloc(32)]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, ...Buffer.alloc(32)]);
const compoundFile = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120)]);
const pe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0')]);
const machO = Buffer.concat([Buffer.from([0xcf, 0xfa, 0xed, 0xfe]), Buffer.alloc(60)]);

describe('sniffContent', () => {
  it('tells a docx made by the docx package and an xlsx made by exceljs', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('整改报告')] }] }));
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('台账').addRow(['问题', '状态']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await sniff(docx, 'report.docx')).toEqual({
      fileType: 'docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(await sniff(xlsx, 'ledger.xlsx')).toEqual({
      fileType: 'xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect((await sniff(docx, 'renamed.pdf'))?.fileType).toBe('docx');
  });

  it('tells PDF, PNG and JPEG by their signatures, whatever the name', async () => {
    expect(await sniff(pdf, 'scan.pdf')).toEqual({ fileType: 'pdf', contentType: 'application/pdf' });
    expect(await sniff(png, 'photo.jpg')).toEqual({ fileType: 'png', contentType: 'image/png' });
    expect(await sniff(jpeg, 'photo')).toEqual({ fileType: 'jpg', contentType: 'image/jpeg' });
  });

  it('tells an OFD from other zips by its OFD.xml entry', async () => {
    const ofd = await zipOf({ 'OFD.xml': '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>', 'Doc_0/Document.xml': '<x/>' });
    expect(await sniff(ofd, '通知.ofd')).toEqual({ fileType: 'ofd', contentType: 'application/ofd' });
    expect(await sniff(await zipOf({ 'photos/1.txt': 'x' }), 'evidence.zip')).toEqual({ fileType: 'zip', contentType: 'application/zip' });
  });

  it('refuses zips that are programs', async () => {
    expect(await sniff(await zipOf({ 'META-INF/MANIFEST.MF': 'Main-Class: X', 'X.class': '' }), 'evidence.zip')).toBeNull();
    expect(await sniff(await zipOf({ 'AndroidManifest.xml': '', 'classes.dex': '' }), 'evidence.zip')).toBeNull();
  });

  it('tells an old Word or Excel file by its name, and refuses other compound files', async () => {
    expect(await sniff(compoundFile, '报告.DOC')).toEqual({ fileType: 'doc', contentType: 'application/msword' });
    expect(await sniff(compoundFile, '台账.xls')).toEqual({ fileType: 'xls', contentType: 'application/vnd.ms-excel' });
    expect(await sniff(compoundFile, 'setup.msi')).toBeNull();
  });

  it.each([
    ['an ELF binary named .pdf', elf, 'report.pdf'],
    ['a PE executable named .docx', pe, 'report.docx'],
    ['a Mach-O binary named .png', machO, 'photo.png'],
    ['a shell script named .txt', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'notes.txt'],
    ['binary garbage', randomBytes(4096), 'data.txt'],
    ['nothing at all', Buffer.alloc(0), 'empty.txt'],
  ])('refuses %s', async (_case, bytes, name) => {
    expect(await sniff(bytes, name)).toBeNull();
  });

  it('takes UTF-8 and GB18030 text without control characters as txt', async () => {
    expect(await sniff(Buffer.from('整改情况说明\r\n\t一、已完成\n'), 'notes.txt')).toEqual({
      fileType: 'txt',
      contentType: 'text/plain; charset=utf-8',
    });
    // 中文说明 in GB18030: not UTF-8, but what Chinese Windows saves as "ANSI".
    expect(await sniff(Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xcb, 0xb5, 0xc3, 0xf7, 0x0a]), 'notes.txt')).toEqual({
      fileType: 'txt',
      contentType: 'text/plain; charset=gb18030',
    });
    expect(await sniff(Buffer.from('line one\u0007bell\n'), 'notes.txt')).toBeNull();
  });

  it('does not hold a character cut at the end of an incomplete head against the text', async () => {
    const head = Buffer.from('整改', 'utf8').subarray(0, 5);
    expect(await sniffContent(head, 'notes.txt', false)).toEqual({ fileType: 'txt', contentType: 'text/plain; charset=utf-8' });
  });
});
