import type { FocusEvent } from 'react';
import { Input } from 'antd';
import { fenToYuanText, parseYuan } from '@bangfu/core';

interface Props {
  id?: string;
  value?: string | number | null;
  onChange?: (v: string) => void;
  onBlur?: (e: FocusEvent<HTMLInputElement>) => void;
  placeholder?: string;
  size?: 'small' | 'middle' | 'large';
  /** aria-* from Form.Item (aria-invalid, aria-describedby …) go through to the input */
  [aria: `aria-${string}`]: string | boolean | undefined;
}

/**
 * An amount in 元 as text. On leaving the field a valid amount is written out with two decimals
 * (core's parseYuan decides what is valid; "12.345" stays as typed so core's error shows).
 */
export default function MoneyInput({ id, value, onChange, onBlur, placeholder = '0.00', size, ...aria }: Props) {
  const text = value === null || value === undefined ? '' : String(value);
  return (
    <Input
      id={id}
      size={size}
      value={text}
      inputMode="decimal"
      autoComplete="off"
      placeholder={placeholder}
      suffix={<span className="money-suffix">元</span>}
      className="money-input"
      maxLength={16}
      onChange={(e) => onChange?.(e.target.value)}
      onBlur={(e) => {
        if (text.trim() !== '') {
          const r = parseYuan(text);
          if (r.ok) {
            const formatted = fenToYuanText(r.fen);
            if (formatted !== text) onChange?.(formatted);
          }
        }
        onBlur?.(e);
      }}
      {...aria}
    />
  );
}
