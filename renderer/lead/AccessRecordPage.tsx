// The venue lead's 個人情報取扱台帳: this station's record of use; scan a notice to see who used that resident's
// record (the scan is routed here by app/bootstrap.ts).
import { AccessRecordView } from '../access/AccessRecordView';

export function AccessRecordPage() {
  return (
    <AccessRecordView
      className="lead-page"
      Heading="h1"
      title="個人情報取扱台帳（この端末での利用）"
      hint="通知書をスキャンすると、その方の記録の利用を全日分表示します。この台帳の閲覧と印刷も記録されます。"
    />
  );
}
