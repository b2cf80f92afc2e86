// Code128 barcodes for printed ledgers, drawn by bwip-js (the reservation number in text sits beside it).
import bwipjs from 'bwip-js/node';

export function code128Svg(text: string): string {
  return bwipjs.toSVG({ bcid: 'code128', text, height: 8, includetext: false, paddingwidth: 0, paddingheight: 0 });
}
