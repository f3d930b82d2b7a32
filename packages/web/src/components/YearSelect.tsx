// The year of a yearly page (帮扶统计, 考核, 表彰): 2016 (the seed's first year) to this year in China.
import { Select } from 'antd';
import { currentYearInChina, yearOptions } from '../lib/assistance';

interface Props {
  id: string;
  value: number;
  onChange: (year: number) => void;
  ariaLabel?: string;
}

export function YearSelect({ id, value, onChange, ariaLabel = '年度' }: Props) {
  return (
    <Select
      id={id}
      value={value}
      style={{ width: 110 }}
      options={yearOptions(currentYearInChina()).map((y) => ({ value: y, label: `${y} 年` }))}
      onChange={onChange}
      aria-label={ariaLabel}
    />
  );
}
